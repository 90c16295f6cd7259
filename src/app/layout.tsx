import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Switchboard", description: "Team inbox for WhatsApp Business" };
export const viewport: Viewport = { themeColor: "#059669" };

// System fonts only, nothing downloaded at build time: the stack covers emoji and non-Latin scripts.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
