import type { Metadata } from "next";
import { LabelsAdmin } from "../_components/labels-admin";

export const metadata: Metadata = { title: "Labels · Switchboard admin" };

export default function LabelsPage() {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Labels</h1>
      <p className="-mt-3 text-sm text-slate-600">
        Labels sort conversations. Anyone who sees a conversation can add them from its header; the list filters by them.
      </p>
      <LabelsAdmin />
    </>
  );
}
