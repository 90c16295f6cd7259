import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import "./globals.css";

export const metadata: Metadata = { title: "Switchboard", description: "Team inbox for WhatsApp Business" };
// resizes-content: an on-screen keyboard shrinks the layout (and dvh) rather than covering it, so
// the composer at the bottom of the inbox stays above the keyboard.
export const viewport: Viewport = { themeColor: "#059669", width: "device-width", initialScale: 1, interactiveWidget: "resizes-content" };

// System fonts only, nothing downloaded at build time: the stack covers emoji and non-Latin scripts.
// The language is the person's (src/i18n/request.ts); client components get its messages from the provider.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className="h-full">
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
