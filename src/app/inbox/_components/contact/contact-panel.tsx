"use client";
// The contact panel beside the open conversation (a region named "Contact"): the customer's name,
// number, when they first wrote, the team's note, custom attributes and their conversations in
// other inboxes. Always shown on very wide screens; otherwise opened from the conversation's header
// ("Contact") and closed with its close button or Escape — beside the conversation on a laptop, in
// its place on a phone, so nothing is drawn over anything else.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useTime } from "@/app/_lib/use-time";
import type { TContactPanel } from "@/shared/contacts";
import { api } from "@/trpc/react";
import { ContactAttributes } from "./contact-attributes";
import { ContactName } from "./contact-name";
import { ContactNote } from "./contact-note";
import { OtherConversations } from "./contact-other-conversations";
import type { ContactPanelState } from "./contact-panel-button";
import { iconButton, secondaryButton } from "./contact-styles";

export function ContactPanel({ conversationId, state }: { conversationId: string; state: ContactPanelState }) {
  const t = useTranslations("Contact");
  const panel = api.contact.panel.useQuery({ conversationId });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const { open, close } = state;
  useEffect(() => {
    if (!open) return;
    headingRef.current?.focus();
    // Escape closes the panel from inside it, or from nowhere in particular (focus on the page,
    // e.g. after the control that had it went away); a form in the panel takes its own Escape first.
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Node ? event.target : null;
      if (event.key === "Escape" && (target === document.body || (target && panelRef.current?.contains(target)))) close();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open, close]);

  return (
    <section
      ref={panelRef}
      id={state.panelId}
      aria-label={t("region")}
      className={`${open ? "flex" : "hidden 2xl:flex"} min-h-0 w-full shrink-0 flex-col overflow-y-auto border-slate-200 bg-white lg:w-80 lg:border-l`}
    >
      <div className="flex h-16 shrink-0 items-center gap-2 border-b border-slate-200 px-4">
        <h2 ref={headingRef} tabIndex={-1} className="text-[15px] font-semibold text-slate-900 outline-none">
          {t("region")}
        </h2>
        <button type="button" aria-label={t("close")} onClick={close} className={`${iconButton} ml-auto 2xl:hidden`}>
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
            <path d="M6.3 5.2a.75.75 0 0 0-1.1 1.1L8.9 10l-3.7 3.7a.75.75 0 1 0 1.1 1.1l3.7-3.7 3.7 3.7a.75.75 0 1 0 1.1-1.1L11.1 10l3.7-3.7a.75.75 0 0 0-1.1-1.1L10 8.9 6.3 5.2Z" />
          </svg>
        </button>
      </div>
      <div className="flex flex-col gap-6 p-4">
        {panel.data ? (
          <ContactDetails panel={panel.data} />
        ) : panel.isError ? (
          <div className="flex flex-col items-start gap-2">
            <p role="alert" className="text-sm text-slate-600">
              {t("loadFailed")}
            </p>
            <button type="button" onClick={() => void panel.refetch()} className={secondaryButton}>
              {t("tryAgain")}
            </button>
          </div>
        ) : (
          <div aria-hidden="true" className="flex animate-pulse flex-col gap-3">
            <span className="h-4 w-40 rounded bg-slate-200" />
            <span className="h-3 w-28 rounded bg-slate-100" />
            <span className="h-20 rounded bg-slate-100" />
          </div>
        )}
      </div>
    </section>
  );
}

function ContactDetails({ panel }: { panel: TContactPanel }) {
  const t = useTranslations("Contact");
  const time = useTime();
  const { contact, firstWroteAt, otherConversations } = panel;
  return (
    <>
      <div className="flex flex-col gap-3">
        <ContactName contact={contact} />
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("number")}</dt>
          <dd className="text-slate-900 tabular-nums">+{contact.waId}</dd>
          <dt className="text-slate-500">{t("firstWrote")}</dt>
          <dd className="text-slate-900">{firstWroteAt ? <time dateTime={firstWroteAt}>{time.full(firstWroteAt)}</time> : t("notYet")}</dd>
        </dl>
      </div>
      <ContactNote contact={contact} />
      <ContactAttributes contact={contact} />
      <OtherConversations conversations={otherConversations} />
    </>
  );
}
