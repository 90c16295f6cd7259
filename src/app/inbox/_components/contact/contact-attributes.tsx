"use client";
// The contact's custom attributes (order number, plan…): listed in the order they were added, each
// editable (its key too) and removable; one form open at a time.
import { useTranslations } from "next-intl";
import { useErrorText } from "@/app/admin/_lib/error-text";
import { useId, useRef, useState, type FormEvent } from "react";
import {
  MAX_ATTRIBUTE_KEY_LENGTH,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  MAX_CONTACT_ATTRIBUTES,
  type TContactAttribute,
  type TContactProfile,
} from "@/shared/contacts";
import { useContactMutations } from "../../_hooks/use-contact-mutations";
import { cancelOnEscape, iconButton, panelInput, primaryButton, secondaryButton, sectionHeading } from "./contact-styles";

/** Which form is open: a new attribute's, or the one of the attribute with this key. */
type Editing = { kind: "new" } | { kind: "existing"; key: string } | null;

export function ContactAttributes({ contact }: { contact: TContactProfile }) {
  const t = useTranslations("Contact");
  const errorText = useErrorText();
  const { removeAttribute } = useContactMutations();
  const [editing, setEditing] = useState<Editing>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const full = contact.attributes.length >= MAX_CONTACT_ATTRIBUTES;

  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const remove = (key: string) => {
    removeAttribute.mutate({ contactId: contact.id, key }, { onSuccess: () => addButton.current?.focus() });
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className={sectionHeading}>
        {t("attributes")}
      </h3>
      {contact.attributes.length === 0 && editing?.kind !== "new" && <p className="text-sm text-slate-500">{t("noAttributes")}</p>}
      {contact.attributes.length > 0 && (
        <ul aria-labelledby={headingId} className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
          {contact.attributes.map((attribute) =>
            editing?.kind === "existing" && editing.key === attribute.key ? (
              <li key={attribute.key} className="p-2">
                <AttributeForm contactId={contact.id} attribute={attribute} onDone={close} />
              </li>
            ) : (
              <li key={attribute.key} className="flex items-start gap-2 px-2.5 py-2">
                <div className="min-w-0 flex-1">
                  <p dir="auto" className="text-xs break-words text-slate-500">
                    {attribute.key}
                  </p>
                  <p dir="auto" className="text-sm break-words text-slate-900">
                    {attribute.value}
                  </p>
                </div>
                <button type="button" aria-label={t("editAttribute", { key: attribute.key })} onClick={() => setEditing({ kind: "existing", key: attribute.key })} className={iconButton}>
                  <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
                    <path d="m2.7 13.6-.7 3.7a.6.6 0 0 0 .7.7l3.7-.7 9.1-9.1-3.7-3.7-9.1 9.1ZM16.6 6.1 13.9 3.4l1.2-1.2a1.4 1.4 0 0 1 2 0l.7.7a1.4 1.4 0 0 1 0 2l-1.2 1.2Z" />
                  </svg>
                </button>
                <button
                  type="button"
                  aria-label={t("removeAttribute", { key: attribute.key })}
                  disabled={removeAttribute.isPending}
                  onClick={() => remove(attribute.key)}
                  className={iconButton}
                >
                  <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
                    <path d="M6.3 5.2a.75.75 0 0 0-1.1 1.1L8.9 10l-3.7 3.7a.75.75 0 1 0 1.1 1.1l3.7-3.7 3.7 3.7a.75.75 0 1 0 1.1-1.1L11.1 10l3.7-3.7a.75.75 0 0 0-1.1-1.1L10 8.9 6.3 5.2Z" />
                  </svg>
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {removeAttribute.error && (
        <p role="alert" className="text-xs text-red-700">
          {errorText(removeAttribute.error)}
        </p>
      )}
      {editing?.kind === "new" ? (
        <div className="rounded-md border border-slate-200 p-2">
          <AttributeForm contactId={contact.id} attribute={null} onDone={close} />
        </div>
      ) : (
        <button ref={addButton} type="button" disabled={full} onClick={() => setEditing({ kind: "new" })} className={`${secondaryButton} self-start`}>
          {t("addAttribute")}
        </button>
      )}
      {full && <p className="text-xs text-slate-500">{t("attributesFull", { max: MAX_CONTACT_ATTRIBUTES })}</p>}
    </section>
  );
}

/** A new attribute's form (`attribute` null) or an existing one's. */
function AttributeForm({ contactId, attribute, onDone }: { contactId: string; attribute: TContactAttribute | null; onDone: () => void }) {
  const t = useTranslations("Contact");
  const errorText = useErrorText();
  const { saveAttribute } = useContactMutations();
  const [key, setKey] = useState(attribute?.key ?? "");
  const [value, setValue] = useState(attribute?.value ?? "");
  const id = useId();

  const save = (event: FormEvent) => {
    event.preventDefault();
    saveAttribute.mutate({ contactId, previousKey: attribute?.key ?? null, key, value }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={save} onKeyDown={(event) => cancelOnEscape(event, onDone)} className="flex flex-col gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-key`} className="text-xs font-medium text-slate-700">
          {t("attribute")}
        </label>
        <input
          id={`${id}-key`}
          autoFocus
          dir="auto"
          required
          value={key}
          maxLength={MAX_ATTRIBUTE_KEY_LENGTH}
          placeholder={t("attributePlaceholder")}
          onChange={(event) => setKey(event.target.value)}
          className={panelInput}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-value`} className="text-xs font-medium text-slate-700">
          {t("value")}
        </label>
        <input
          id={`${id}-value`}
          dir="auto"
          required
          value={value}
          maxLength={MAX_ATTRIBUTE_VALUE_LENGTH}
          onChange={(event) => setValue(event.target.value)}
          className={panelInput}
        />
      </div>
      {saveAttribute.error && (
        <p role="alert" className="text-xs text-red-700">
          {errorText(saveAttribute.error)}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={saveAttribute.isPending} className={primaryButton}>
          {t("saveAttribute")}
        </button>
        <button type="button" onClick={onDone} className={secondaryButton}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
