"use client";
// The three writes of the Canned responses pages, for shared ones (admins) or one's own. Each
// success reloads the list; other dashboards hear of it from the live stream.
import { api } from "@/trpc/react";
import type { CannedValues } from "./canned-response-form";

export type CannedKind = "shared" | "own";

export function useCannedMutations(kind: CannedKind) {
  const utils = api.useUtils();
  const reload = { onSuccess: () => utils.cannedResponse.invalidate() };
  const shared = {
    create: api.cannedResponse.shared.create.useMutation(reload),
    update: api.cannedResponse.shared.update.useMutation(reload),
    remove: api.cannedResponse.shared.delete.useMutation(reload),
  };
  const own = {
    create: api.cannedResponse.own.create.useMutation(reload),
    update: api.cannedResponse.own.update.useMutation(reload),
    remove: api.cannedResponse.own.delete.useMutation(reload),
  };
  const chosen = kind === "shared" ? shared : own;
  return {
    create: chosen.create,
    update: chosen.update,
    remove: chosen.remove,
    /** Promises, so a form can close or clear itself once saved. */
    createAsync: (values: CannedValues) =>
      kind === "shared" ? shared.create.mutateAsync(values) : own.create.mutateAsync({ shortcut: values.shortcut, body: values.body }),
    updateAsync: (id: string, values: CannedValues) =>
      kind === "shared"
        ? shared.update.mutateAsync({ id, ...values })
        : own.update.mutateAsync({ id, shortcut: values.shortcut, body: values.body }),
  };
}
