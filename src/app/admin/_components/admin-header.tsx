import Link from "next/link";
import { SignOutButton } from "../../inbox/_components/sign-out-button";
import { AdminNav } from "./admin-nav";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600";

export function AdminHeader({ userName }: { userName: string }) {
  return (
    <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
      <span className="flex items-center gap-2 text-[15px] font-semibold tracking-tight text-slate-900">
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-lg bg-emerald-600 text-white">
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path d="M3 5.5A2.5 2.5 0 0 1 5.5 3h9A2.5 2.5 0 0 1 17 5.5v6a2.5 2.5 0 0 1-2.5 2.5H9l-3.6 2.7A.75.75 0 0 1 4.2 16v-2.1A2.5 2.5 0 0 1 3 11.5v-6Z" />
          </svg>
        </span>
        Switchboard admin
      </span>
      <AdminNav />
      <div className="ml-auto flex items-center gap-2">
        <Link href="/inbox" className={`rounded-md px-2.5 py-1.5 text-sm font-medium text-emerald-700 hover:bg-emerald-50 ${focusRing}`}>
          Back to inbox
        </Link>
        <span className="hidden max-w-48 truncate text-sm text-slate-600 sm:block" title={userName}>
          {userName}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
