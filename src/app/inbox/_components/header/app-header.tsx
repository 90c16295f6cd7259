import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ConnectionStatus } from "@/trpc/connection-state";
import { ConnectionIndicator } from "./connection-indicator";
import { HeaderMenu } from "./header-menu";
import { NotificationControls } from "./notification-controls";
import { OnlineNow } from "./online-now";
import { useCurrentUser } from "./current-user";
import { SimulateCustomerControl } from "./simulate-customer-control";
import { LogoMark } from "@/app/_components/logo-mark";
import { LanguagePicker } from "./language-picker";
import { SignedInAs } from "./signed-in-as";

export function AppHeader({ userName, connection }: { userName: string; connection: ConnectionStatus }) {
  const t = useTranslations("Header");
  const isAdmin = useCurrentUser().role === "admin";
  return (
    <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-3 border-b md:gap-4 border-slate-200 bg-white px-4">
      <Link
        href="/inbox"
        className="flex items-center gap-2 rounded-md text-[15px] font-semibold tracking-tight text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-emerald-600"
      >
        <LogoMark />
        Switchboard
      </Link>
      <ConnectionIndicator status={connection} />
      <div className="ml-auto flex items-center gap-2">
        <OnlineNow />
        <HeaderMenu>
          <NotificationControls />
          <SimulateCustomerControl />
          <Link
            href="/reports"
            className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
          >
            {t("reports")}
          </Link>
          {isAdmin && (
            <Link
              href="/admin"
              className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
            >
              {t("admin")}
            </Link>
          )}
          <LanguagePicker />
          <SignedInAs userName={userName} />
        </HeaderMenu>
      </div>
    </header>
  );
}
