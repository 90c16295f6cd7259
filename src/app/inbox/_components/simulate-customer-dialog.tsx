"use client";
// The "Simulate customer" form, in a native modal <dialog>: the browser traps focus inside it and
// closes it on Escape; we put focus on the message when it opens and back on the opener when it
// closes. Sending posts a signed webhook on the server, so the conversation then arrives in the
// list through the live stream like any customer's message. On an error the form keeps what was
// typed and says what went wrong.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { MAX_TEXT_LENGTH } from "@/shared/dto";
import { httpStatusOf } from "@/trpc/query-client";
import { api } from "@/trpc/react";
import { randomCustomer, randomCustomerMessage, type SampleCustomer } from "./simulate-customer-samples";

const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/30 aria-invalid:border-red-400";

function errorText(error: unknown): string {
  // With an HTTP answer the server's message is meant for people ("Phone number: …").
  if (error instanceof Error && httpStatusOf(error) !== undefined) return error.message;
  return "Couldn’t reach the server. Check your connection and try again.";
}

interface Props {
  /** The customer to prefill: the last one written as, or a new random one. */
  customer: SampleCustomer;
  onSent: (customer: SampleCustomer) => void;
  /** The dialog closed (sent, Cancel or Escape); the opener unmounts it and takes focus back. */
  onClose: () => void;
}

/** Mounted afresh for each opening, so every opening starts from `customer` and a new sample message. */
export function SimulateCustomerDialog({ customer, onSent, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const [name, setName] = useState(customer.name);
  const [number, setNumber] = useState(customer.number);
  const [text, setText] = useState(randomCustomerMessage);
  const simulate = api.demo.simulateCustomer.useMutation();
  const error = simulate.error ? errorText(simulate.error) : null;
  // The server's messages start with the field's label ("Phone number: …"): mark that field.
  const errorProps = (label: string) =>
    error?.startsWith(`${label}:`) ? { "aria-invalid": true, "aria-errormessage": `${ids}-error` } : {};

  useEffect(() => {
    dialogRef.current?.showModal();
    // Selected, so typing replaces the sample message and Send works as it is.
    messageRef.current?.select();
  }, []);

  const close = () => dialogRef.current?.close();

  function newCustomer() {
    const fresh = randomCustomer();
    setName(fresh.name);
    setNumber(fresh.number);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (simulate.isPending) return;
    try {
      await simulate.mutateAsync({ name, number, text });
    } catch {
      return; // Shown from simulate.error below; the fields keep what was typed.
    }
    onSent({ name: name.trim(), number });
    close();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-help`}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
    >
      <form onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4 p-5" noValidate>
        <div>
          <h2 id={`${ids}-title`} className="text-base font-semibold">
            Simulate customer
          </h2>
          <p id={`${ids}-help`} className="mt-1 text-sm text-slate-600">
            Sends a signed WhatsApp webhook to this server, as if this customer had written to your number.
          </p>
        </div>
        {error && (
          <p id={`${ids}-error`} role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
            {error}
          </p>
        )}
        <div className="flex gap-3">
          <div className="flex min-w-0 flex-1 flex-col gap-1.5">
            <label htmlFor={`${ids}-name`} className="text-sm font-medium text-slate-700">
              Name
            </label>
            <input id={`${ids}-name`} value={name} onChange={(event) => setName(event.target.value)} maxLength={80} required autoComplete="off" {...errorProps("Name")} className={inputClass} />
          </div>
          <div className="flex min-w-0 flex-1 flex-col gap-1.5">
            <label htmlFor={`${ids}-number`} className="text-sm font-medium text-slate-700">
              Phone number
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
              {...errorProps("Phone number")}
              className={inputClass}
            />
          </div>
        </div>
        <p id={`${ids}-number-help`} className="-mt-2 text-xs text-slate-500">
          With the country code; the same number continues the same conversation.{" "}
          <button type="button" onClick={newCustomer} className="font-medium text-emerald-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600">
            New customer
          </button>
        </p>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${ids}-text`} className="text-sm font-medium text-slate-700">
            Message
          </label>
          <textarea
            id={`${ids}-text`}
            ref={messageRef}
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={MAX_TEXT_LENGTH}
            rows={3}
            required
            {...errorProps("Message")}
            className={`${inputClass} resize-y`}
          />
        </div>
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={close}
            className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
          >
            Cancel
          </button>
          <button
            type="submit"
            // aria-disabled, not disabled: a disabled button drops the focus, and on an error the
            // person would have to find their way back into the form.
            aria-disabled={simulate.isPending}
            aria-busy={simulate.isPending}
            className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 aria-disabled:cursor-wait aria-disabled:opacity-70"
          >
            Send as customer
          </button>
        </div>
      </form>
    </dialog>
  );
}
