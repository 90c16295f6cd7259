// Above the composer: when the customer last wrote (one quiet line), or a warning when a free-form
// reply would fall outside WhatsApp's 24-hour customer-service window. The warning is not an alert:
// it is already there when a conversation opens, and announcing it over whatever the reader was
// doing at each opening would be noise. The Templates button points at it (aria-describedby)
// instead, so it is read out with the way to reach the customer, where it matters.
"use client";
import { useTranslations } from "next-intl";
import { useTime } from "@/app/_lib/use-time";
import { CLOSING_SOON_MS, formatAgo, formatDuration, type CustomerWindow } from "../../_lib/customer-window";

function ClockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} className="size-3.5 shrink-0">
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.75V8l2.25 1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function WarningIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-px size-4 shrink-0 text-amber-500">
      <path
        fillRule="evenodd"
        d="M8.49 2.86c.66-1.15 2.36-1.15 3.02 0l6.28 10.9c.66 1.15-.17 2.6-1.5 2.6H3.71c-1.33 0-2.16-1.45-1.5-2.6l6.28-10.9ZM10 6.5a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6.5Zm0 7.75a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

/** "Customer last wrote 3 h ago", the exact time on hover. */
function LastWrote({ at, agoMs }: { at: string; agoMs: number }) {
  const t = useTranslations("Window");
  const time = useTime();
  return t.rich("lastWrote", {
    ago: () => (
      <time dateTime={at} title={time.full(at)}>
        {formatAgo(agoMs, t)}
      </time>
    ),
  });
}

export function CustomerWindowNotice({ status, warningId }: { status: CustomerWindow | null; warningId: string }) {
  const t = useTranslations("Window");
  if (!status) return <div aria-hidden="true" className="h-5" />;

  if (status.state === "open") {
    const closingSoon = status.closesInMs <= CLOSING_SOON_MS;
    return (
      <p className="flex h-5 items-center gap-1.5 text-xs text-slate-500">
        <ClockIcon />
        <span>
          <LastWrote at={status.lastInboundAt} agoMs={status.agoMs} />
        </span>
        {closingSoon && (
          <span className="font-medium text-amber-700">· {t("closesIn", { duration: formatDuration(status.closesInMs, t) })}</span>
        )}
      </p>
    );
  }

  return (
    <div
      id={warningId}
      className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-xs leading-relaxed text-amber-900 ring-1 ring-amber-200 ring-inset"
    >
      <WarningIcon />
      <p>
        <span className="font-semibold">
          {status.state === "never" ? (
            t("never")
          ) : (
            <>
              <LastWrote at={status.lastInboundAt} agoMs={status.agoMs} />.
            </>
          )}
        </span>{" "}
        {status.state === "never"
          ? t("neverExplained")
          : t("closedExplained")}{" "}
        {t.rich("useTemplates", { strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
      </p>
    </div>
  );
}
