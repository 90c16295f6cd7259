"use client";
// The team's note about the customer (not a conversation's private notes). While nobody here is
// changing it, it follows the stored note live; a change being written is never overwritten.
import { useTranslations } from "next-intl";
import { useErrorText } from "@/app/admin/_lib/error-text";
import { useId, useState, type FormEvent } from "react";
import { MAX_CONTACT_NOTE_LENGTH, type TContactProfile } from "@/shared/contacts";
import { useContactMutations } from "../../_hooks/use-contact-mutations";
import { cancelOnEscape, panelInput, primaryButton, secondaryButton } from "./contact-styles";

export function ContactNote({ contact }: { contact: TContactProfile }) {
  const t = useTranslations("Contact");
  const errorText = useErrorText();
  const { update } = useContactMutations();
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const value = draft ?? contact.note;
  const changed = draft !== null && draft.trim() !== contact.note;

  const discard = () => {
    setDraft(null);
    update.reset();
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    if (!changed) return discard();
    update.mutate(
      { contactId: contact.id, note: draft },
      {
        onSuccess: () => {
          setDraft(null);
          setSaved(true);
        },
      },
    );
  };

  return (
    <form onSubmit={save} onKeyDown={(event) => draft !== null && cancelOnEscape(event, discard)} className="flex flex-col gap-2">
      <label htmlFor={`${id}-note`} className="text-xs font-medium text-slate-700">
        {t("note")}
      </label>
      <textarea
        id={`${id}-note`}
        dir="auto"
        rows={4}
        value={value}
        maxLength={MAX_CONTACT_NOTE_LENGTH}
        placeholder={t("notePlaceholder")}
        onChange={(event) => {
          setDraft(event.target.value);
          setSaved(false);
        }}
        aria-invalid={update.isError || undefined}
        aria-describedby={update.isError ? `${id}-error` : undefined}
        className={`${panelInput} resize-y`}
      />
      {update.error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {errorText(update.error)}
        </p>
      )}
      <div className="flex items-center gap-2">
        {/* Never disabled: a button that is disabled while it has focus drops the keyboard on the page. */}
        <button type="submit" aria-disabled={update.isPending || undefined} className={`${primaryButton} aria-disabled:opacity-60`}>
          {t("saveNote")}
        </button>
        {draft !== null && (
          <button type="button" onClick={discard} className={secondaryButton}>
            {t("discard")}
          </button>
        )}
        <span aria-live="polite" className="text-xs text-slate-500">
          {saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
