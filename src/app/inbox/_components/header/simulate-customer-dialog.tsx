"use client";
// The "Simulate customer" form. Sending posts a signed webhook on the server, so the conversation
// then arrives in the list through the live stream like any customer's message. On an error the
// form keeps what was typed and says what went wrong.
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { MAX_TEXT_LENGTH } from "@/shared/dto";
import { useFormProblem } from "@/app/admin/_lib/error-text";
import type { FieldName } from "@/shared/server-text";
import { api } from "@/trpc/react";
import { dialogInputClass, FormDialog } from "../form-dialog";
import { randomCustomer, randomCustomerMessage, type SampleCustomer } from "./simulate-customer-samples";


interface Props {
  /** The customer to prefill: the last one written as, or a new random one. */
  customer: SampleCustomer;
  onSent: (customer: SampleCustomer) => void;
  /** The dialog closed (sent, Cancel or Escape); the opener unmounts it and takes focus back. */
  onClose: () => void;
}

/** Mounted afresh for each opening, so every opening starts from `customer` and a new sample message. */
export function SimulateCustomerDialog({ customer, onSent, onClose }: Props) {
  const t = useTranslations("Simulate");
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const [name, setName] = useState(customer.name);
  const [number, setNumber] = useState(customer.number);
  const [text, setText] = useState(randomCustomerMessage);
  const simulate = api.demo.simulateCustomer.useMutation();
  const formProblem = useFormProblem();
  const error = simulate.error ? formProblem(simulate.error) : null;
  // The server's message names the field it is about ("Phone number: …"): mark that field.
  const errorProps = (field: FieldName) => (error?.field === field ? { "aria-invalid": true, "aria-errormessage": `${ids}-error` } : {});

  function newCustomer() {
    const fresh = randomCustomer();
    setName(fresh.name);
    setNumber(fresh.number);
  }

  async function sendAsCustomer(): Promise<boolean> {
    try {
      await simulate.mutateAsync({ name, number, text });
    } catch {
      return false; // Shown from simulate.error below; the fields keep what was typed.
    }
    onSent({ name: name.trim(), number });
    return true;
  }

  return (
    <FormDialog
      title={t("button")}
      description={t("description")}
      widthClass="w-[min(28rem,calc(100vw-2rem))]"
      // Selected, so typing replaces the sample message and Send works as it is.
      onOpen={() => messageRef.current?.select()}
      onSubmit={sendAsCustomer}
      submitLabel={t("send")}
      busy={simulate.isPending}
      onClose={onClose}
    >
      {error && (
        <p id={`${ids}-error`} role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
          {error.message}
        </p>
      )}
      <div className="flex gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <label htmlFor={`${ids}-name`} className="text-sm font-medium text-slate-700">
            {t("name")}
          </label>
          <input id={`${ids}-name`} value={name} onChange={(event) => setName(event.target.value)} maxLength={80} required autoComplete="off" {...errorProps("name")} className={dialogInputClass} />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <label htmlFor={`${ids}-number`} className="text-sm font-medium text-slate-700">
            {t("number")}
          </label>
          <input
            id={`${ids}-number`}
            type="tel"
            inputMode="tel"
            value={number}
            onChange={(event) => setNumber(event.target.value)}
            required
            autoComplete="off"
            aria-describedby={`${ids}-number-help`}
            {...errorProps("phoneNumber")}
            className={dialogInputClass}
          />
        </div>
      </div>
      <p id={`${ids}-number-help`} className="-mt-2 text-xs text-slate-500">
        {t("numberHelp")}{" "}
        <button type="button" onClick={newCustomer} className="font-medium text-emerald-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600">
          {t("newCustomer")}
        </button>
      </p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${ids}-text`} className="text-sm font-medium text-slate-700">
          {t("message")}
        </label>
        <textarea
          id={`${ids}-text`}
          ref={messageRef}
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={MAX_TEXT_LENGTH}
          rows={3}
          required
          {...errorProps("message")}
          className={`${dialogInputClass} resize-y`}
        />
      </div>
    </FormDialog>
  );
}
