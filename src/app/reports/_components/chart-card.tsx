// A chart's frame: its heading, a one-sentence summary for screen readers (the drawing itself is
// an image to them), and an empty state instead of an empty drawing.
import { useId, type ReactNode } from "react";

export function ChartCard({ title, summary, empty, children }: { title: string; summary: string; empty: string | null; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {empty ? (
        <p className="flex h-48 items-center justify-center text-sm text-slate-500">{empty}</p>
      ) : (
        <figure role="img" aria-label={summary} className="mt-3 h-64 w-full">
          {children}
        </figure>
      )}
    </section>
  );
}
