import { pageUser } from "../_lib/page-user";
import { ReportsView } from "./_components/reports-view";

export default async function ReportsPage() {
  const user = await pageUser("/reports");
  return <ReportsView isAdmin={user.role === "admin"} />;
}
