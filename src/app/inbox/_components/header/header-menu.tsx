"use client";
// The header's less important controls (sound, notifications, demo, Admin, account, sign out). On a
// laptop they sit in the header's row as they always have: the menu's box is `display: contents`,
// so its children are the row's own, and the menu button is not shown. Narrower than that they do
// not fit beside the logo, so they fold into a "Profile menu" button that opens them as a list:
// a disclosure (the button says whether it is expanded), closed again by the button, Escape or a
// click elsewhere, and focus goes back to the button on Escape.
import { useTranslations } from "next-intl";
import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { useDismiss } from "@/app/_lib/use-dismiss";
import { Avatar } from "../avatar";
import { useCurrentUser } from "./current-user";

export function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useTranslations("Header");
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, boxRef, buttonRef, close);

  return (
    <div ref={boxRef} className="relative md:contents">
      <button
        ref={buttonRef}
        type="button"
        aria-label={t("profileMenu")}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className="flex items-center gap-1 rounded-full p-0.5 pr-1.5 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 aria-expanded:bg-slate-100 md:hidden"
      >
        <Avatar name={user.name} seed={user.id} size="sm" />
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </button>
      <div
        id={panelId}
        className={`${open ? "flex" : "hidden"} absolute top-full right-0 z-30 mt-2 w-64 flex-col items-stretch gap-0.5 rounded-lg bg-white p-1.5 shadow-lg ring-1 ring-slate-200 max-md:*:text-left md:contents`}
      >
        <p className="truncate px-2.5 pt-1 pb-2 text-xs text-slate-500 md:hidden">
          {t.rich("signedInAs", { name: user.name, strong: (chunks) => <span className="font-medium text-slate-800">{chunks}</span> })}
        </p>
        {children}
      </div>
    </div>
  );
}
