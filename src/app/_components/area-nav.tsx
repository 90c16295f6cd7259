"use client";
// The tabs of an area with several pages (Admin, Account): the current page's tab is marked for
// screen readers (aria-current) as well as by colour.
import Link from "next/link";
import { usePathname } from "next/navigation";

export type AreaSection = { href: string; label: string };

export function AreaNav({ label, sections }: { label: string; sections: readonly AreaSection[] }) {
  // Null only under the Pages Router, which serves no page here (just the webhook API route).
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={label} className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-1 overflow-x-auto px-4 pb-2 lg:order-none lg:mx-0 lg:w-auto lg:overflow-visible lg:px-0 lg:pb-0">
      {sections.map(({ href, label }) => {
        const current = pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`shrink-0 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 ${
              current ? "bg-emerald-50 text-emerald-800" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            }`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
