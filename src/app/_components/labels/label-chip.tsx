// A label as a small coloured chip: in list rows, the conversation header and the admin page. Each
// colour pairs a light background with dark text of the same hue (contrast above WCAG AA).
import type { TLabel, TLabelColor } from "@/shared/labels";

const CHIP: Record<TLabelColor, string> = {
  slate: "bg-slate-100 text-slate-800 ring-slate-300",
  red: "bg-red-50 text-red-800 ring-red-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  emerald: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  sky: "bg-sky-50 text-sky-900 ring-sky-200",
  violet: "bg-violet-50 text-violet-900 ring-violet-200",
  pink: "bg-pink-50 text-pink-900 ring-pink-200",
};

/** The swatch of each colour, for the colour picker. */
export const SWATCH: Record<TLabelColor, string> = {
  slate: "bg-slate-500",
  red: "bg-red-600",
  amber: "bg-amber-500",
  emerald: "bg-emerald-600",
  sky: "bg-sky-600",
  violet: "bg-violet-600",
  pink: "bg-pink-600",
};

export function LabelChip({ label, size = "sm" }: { label: TLabel; size?: "xs" | "sm" }) {
  return (
    <span
      className={`inline-flex max-w-40 items-center truncate rounded-full font-medium ring-1 ring-inset ${CHIP[label.color]} ${
        size === "xs" ? "px-1.5 py-px text-[11px]" : "px-2 py-0.5 text-xs"
      }`}
    >
      {label.name}
    </span>
  );
}

/** The conversation's labels that still exist, in its order: a deleted label's id shows as nothing. */
export function labelsOf(labelIds: readonly string[], labels: readonly TLabel[] | undefined): TLabel[] {
  if (!labels || labelIds.length === 0) return [];
  const byId = new Map(labels.map((label) => [label.id, label]));
  return labelIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
