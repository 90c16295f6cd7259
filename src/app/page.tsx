import { redirect } from "next/navigation";

// The inbox layout sends visitors without a session to /login.
export default function Home() {
  redirect("/inbox");
}
