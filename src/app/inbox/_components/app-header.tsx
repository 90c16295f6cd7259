import Link from "next/link";
import type { ConnectionStatus } from "@/trpc/connection-state";
import { ConnectionIndicator } from "./connection-indicator";
import { NotificationControls } from "./notification-controls";
import { OnlineNow } from "./online-now";
import { useCurrentUser } from "./current-user";
import { SignOutButton } from "./sign-out-button";
import { SimulateCustomerControl } from "./simulate-customer-control";

export function AppHeader({ userName, connection }: { userName: string; connection: ConnectionStatus }) {
  const isAdmin = useCurrentUser().role === "admin";
  return (
    <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
      <Link
        href="/inbox"
        className="flex items-center gap-2 rounded-md text-[15px] font-semibold tracking-tight text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-emerald-600"
      >
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-lg bg-emerald-600 text-white">
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path d="M3 5.5A2.5 2.5 0 0 1 5.5 3h9A2.5 2.5 0 0 1 17 5.5v6a2.5 2.5 0 0 1-2.5 2.5H9l-3.6 2.7A.75.75 0 0 1 4.2 16v-2.1A2.5 2.5 0 0 1 3 11.5v-6Z" />
          </svg>
        </span>
        Switchboard
      </Link>
      <ConnectionIndicator status={connection} />
      <div className="ml-auto flex items-center gap-2">
        <OnlineNow />
        <NotificationControls />
        <SimulateCustomerControl />
        {isAdmin && (
          <Link
            href="/admin"
            className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
          >
            Admin
          </Link>
        )}
        <span className="hidden max-w-48 truncate text-sm text-slate-600 sm:block" title={userName}>
          {userName}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
