"use client";
// The header's "Simulate customer" button: shown only in demo mode to admins (the server decides,
// demo.enabled), it opens the dialog. It remembers the last customer written as, so a second
// message continues their conversation; the dialog's "New customer" starts another.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { api } from "@/trpc/react";
import { SimulateCustomerDialog } from "./simulate-customer-dialog";
import { randomCustomer, type SampleCustomer } from "./simulate-customer-samples";

export function SimulateCustomerControl() {
  const t = useTranslations("Simulate");
  const enabled = api.demo.enabled.useQuery(undefined, { staleTime: Infinity });
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Each opening mounts a fresh dialog (its key), prefilled from `customer`.
  const [opening, setOpening] = useState<number | null>(null);
  const [customer, setCustomer] = useState<SampleCustomer | null>(null);
  const [announcement, setAnnouncement] = useState("");

  if (enabled.data !== true) return null;

  const open = () => {
    // Random only on a click, never while rendering: the server would render another one.
    if (!customer) setCustomer(randomCustomer());
    setAnnouncement("");
    setOpening((count) => (count ?? 0) + 1);
  };
  const close = () => {
    setOpening(null);
    buttonRef.current?.focus();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        onClick={open}
        aria-haspopup="dialog"
        className="rounded-md border border-emerald-600/30 bg-emerald-50 px-2.5 py-1.5 text-sm font-medium text-emerald-800 hover:bg-emerald-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        {t("button")}
      </button>
      {/* Not role="status": that is the connection indicator's, and there is one per page. */}
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
      {opening !== null && customer && (
        <SimulateCustomerDialog
          key={opening}
          customer={customer}
          onSent={(sent) => {
            setCustomer(sent);
            setAnnouncement(t("sentAs", { name: sent.name }));
          }}
          onClose={close}
        />
      )}
    </>
  );
}
