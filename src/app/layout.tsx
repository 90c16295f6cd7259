import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Switchboard", description: "Team inbox for WhatsApp Business" };
// resizes-content: an on-screen keyboard shrinks the layout (and dvh) rather than covering it, so
// the composer at the bottom of the inbox stays above the keyboard.
export const viewport: Viewport = { themeColor: "#059669", width: "device-width", initialScale: 1, interactiveWidget: "resizes-content" };

// System fonts only, nothing downloaded at build time: the stack covers emoji and non-Latin scripts.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
