import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TConversationListItem } from "@/shared/dto";
import { useTime } from "@/app/_lib/use-time";
import { LabelChip, labelsOf } from "@/app/_components/labels/label-chip";
import { useLabels } from "@/app/_components/labels/use-labels";
import { previewText } from "../../_lib/preview-text";
import { Avatar } from "../avatar";

interface Props {
  item: TConversationListItem;
  active: boolean;
  /** Its place in the list, from 0, and the list's length (-1 while unknown): for screen readers. */
  index: number;
  setSize: number;
  /** The virtual list measures each row and places it `offsetPx` from the top. */
  measureRef: (element: HTMLElement | null) => void;
  offsetPx: number;
}

export function ConversationListItem({ item, active, index, setSize, measureRef, offsetPx }: Props) {
  const t = useTranslations("List");
  const tPreview = useTranslations("Preview");
  const time = useTime();
  const unread = item.unreadCount > 0;
  return (
    <li
      ref={measureRef}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className="absolute inset-x-0 top-0 border-b border-slate-100"
      style={{ transform: `translateY(${offsetPx}px)` }}
    >
      <Link
        href={`/inbox/${encodeURIComponent(item.id)}`}
        aria-current={active ? "page" : undefined}
        className={`flex gap-3 border-l-2 px-4 py-3 outline-none transition-colors focus-visible:bg-emerald-50 focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:ring-inset ${
          active ? "border-emerald-600 bg-emerald-50/70" : "border-transparent hover:bg-slate-50"
        }`}
      >
        <Avatar name={item.contact.name} seed={item.contact.id} />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-baseline gap-2">
            <span dir="auto" className={`truncate text-sm ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`}>
              {item.contact.name}
            </span>
            <time
              dateTime={item.lastMessageAt}
              title={time.full(item.lastMessageAt)}
              className={`ml-auto shrink-0 text-xs tabular-nums ${unread ? "font-medium text-emerald-700" : "text-slate-500"}`}
            >
              {time.listTime(item.lastMessageAt)}
            </time>
          </span>
          <span className="flex items-center gap-2">
            <span dir="auto" className={`truncate text-sm ${unread ? "text-slate-800" : "text-slate-500"}`}>
              {previewText(item.lastPreviewType, item.lastPreview, tPreview) || t("noMessagesYet")}
            </span>
            {unread && (
              <span
                aria-label={t("unread", { count: item.unreadCount })}
                className="ml-auto flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-emerald-700 px-1.5 text-[11px] font-semibold tabular-nums text-white"
              >
                {item.unreadCount > 99 ? "99+" : item.unreadCount}
              </span>
            )}
          </span>
          <RowLabels labelIds={item.labelIds} />
        </span>
      </Link>
    </li>
  );
}

/** The row's labels as chips (plain spans: a list inside the row's link would be read as a second list). */
function RowLabels({ labelIds }: { labelIds: readonly string[] }) {
  const t = useTranslations("List");
  const labels = useLabels();
  const shown = labelsOf(labelIds, labels.data);
  if (shown.length === 0) return null;
  return (
    <span className="mt-1 flex min-w-0 flex-wrap gap-1">
      <span className="sr-only">{t("labelsPrefix")}</span>
      {shown.map((label) => (
        <LabelChip key={label.id} label={label} size="xs" />
      ))}
    </span>
  );
}
