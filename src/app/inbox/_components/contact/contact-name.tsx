"use client";
// The customer's name in the contact panel, with "Edit name": Enter or Save keeps it, Escape or
// Cancel leaves it as it was. The list and the header follow the new name, here and live elsewhere.
import { useTranslations } from "next-intl";
import { useErrorText } from "@/app/admin/_lib/error-text";
import { useId, useRef, useState, type FormEvent } from "react";
import { MAX_CONTACT_NAME_LENGTH, type TContactProfile } from "@/shared/contacts";
import { useContactMutations } from "../../_hooks/use-contact-mutations";
import { cancelOnEscape, iconButton, panelInput, primaryButton, secondaryButton } from "./contact-styles";

export function ContactName({ contact }: { contact: TContactProfile }) {
  const t = useTranslations("Contact");
  const errorText = useErrorText();
  const { update } = useContactMutations();
  const [draft, setDraft] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const errorId = useId();

  const stopEditing = () => {
    setDraft(null);
    update.reset();
    // Back where the keyboard was before editing; after the form is gone.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    if (draft.trim() === contact.name) return stopEditing();
    update.mutate({ contactId: contact.id, name: draft }, { onSuccess: stopEditing });
  };

  if (draft === null) {
    return (
      <div className="flex items-start gap-2">
        <p dir="auto" className="min-w-0 flex-1 text-base font-semibold break-words text-slate-900">
          {contact.name}
        </p>
        <button ref={editButton} type="button" aria-label={t("editName")} onClick={() => setDraft(contact.name)} className={iconButton}>
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path d="m2.7 13.6-.7 3.7a.6.6 0 0 0 .7.7l3.7-.7 9.1-9.1-3.7-3.7-9.1 9.1ZM16.6 6.1 13.9 3.4l1.2-1.2a1.4 1.4 0 0 1 2 0l.7.7a1.4 1.4 0 0 1 0 2l-1.2 1.2Z" />
          </svg>
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={save} className="flex flex-col gap-2" onKeyDown={(event) => cancelOnEscape(event, stopEditing)}>
      <label className="sr-only" htmlFor={`${errorId}-name`}>
        {t("name")}
      </label>
      <input
        id={`${errorId}-name`}
        autoFocus
        dir="auto"
        value={draft}
        maxLength={MAX_CONTACT_NAME_LENGTH}
        onChange={(event) => setDraft(event.target.value)}
        aria-invalid={update.isError || undefined}
        aria-describedby={update.isError ? errorId : undefined}
        className={panelInput}
      />
      {update.error && (
        <p id={errorId} role="alert" className="text-xs text-red-700">
          {errorText(update.error)}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={update.isPending} className={primaryButton}>
          {t("saveName")}
        </button>
        <button type="button" onClick={stopEditing} className={secondaryButton}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
