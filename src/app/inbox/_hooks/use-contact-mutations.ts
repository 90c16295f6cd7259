"use client";
// The contact panel's changes. Each answer is applied at once (this tab sees its change without
// waiting for the stream), by the same rule as the contact.updated event that follows it.
import { api } from "@/trpc/react";
import { useContactUpdater } from "./use-contact-updater";

export function useContactMutations() {
  const applyContact = useContactUpdater();
  return {
    update: api.contact.update.useMutation({ onSuccess: applyContact }),
    saveAttribute: api.contact.saveAttribute.useMutation({ onSuccess: applyContact }),
    removeAttribute: api.contact.removeAttribute.useMutation({ onSuccess: applyContact }),
  };
}
