import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Switchboard", description: "Team inbox for WhatsApp Business" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
