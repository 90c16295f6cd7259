"use client";
// A person's "Max open conversations": auto-assignment gives them no more open conversations than
// this. Saved when the field is left or Enter is pressed, if it changed.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { api } from "@/trpc/react";
import { useErrorText } from "../_lib/error-text";
import { inputClass } from "../_lib/styles";
import type { AdminPerson } from "../_lib/types";

export function CapacityField({ person, onError }: { person: AdminPerson; onError: (message: string | null) => void }) {
  const errorText = useErrorText();
  const t = useTranslations("People");
  const ids = useId();
  const utils = api.useUtils();
  const save = api.admin.people.setMaxOpenConversations.useMutation({
    onSuccess: () => utils.admin.people.list.invalidate(),
    onError: (error) => onError(errorText(error)),
  });
  const [value, setValue] = useState(String(person.maxOpenConversations));
  // Follows the saved value when the list reloads (after a save, or a change in another tab).
  const [shown, setShown] = useState(person.maxOpenConversations);
  if (shown !== person.maxOpenConversations) {
    setShown(person.maxOpenConversations);
    setValue(String(person.maxOpenConversations));
  }

  const commit = () => {
    const next = Number(value);
    if (value.trim() === "" || next === person.maxOpenConversations || save.isPending) return;
    onError(null);
    save.mutate({ userId: person.id, maxOpenConversations: next });
  };

  return (
    <>
      <label htmlFor={`${ids}-max`} className="sr-only">
        {t("maxOpenFor", { name: person.name })}
      </label>
      <input
        id={`${ids}-max`}
        type="number"
        inputMode="numeric"
        min={0}
        max={1000}
        step={1}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
        className={`${inputClass} w-20 py-1.5`}
      />
    </>
  );
}
