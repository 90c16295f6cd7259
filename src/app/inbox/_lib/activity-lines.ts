// The activity lines of a conversation's log: where a live change goes in the cached history, and
// the one sentence that describes a change, for a live line and a reloaded one alike.
import type { TActivity } from "@/shared/activity";
import type { Translator } from "@/i18n/translator";
import type { MessagePages } from "./apply-event";

/** Puts a live change into the newest page (once: a replayed copy, or the stored one, is the same id). */
export function insertActivity<P>(data: MessagePages<P>, activity: TActivity): MessagePages<P> {
  if (data.pages.some((page) => page.activity.some((known) => known.id === activity.id))) return data;
  const pages = data.pages.map((page, index) =>
    index === 0 ? { ...page, activity: [...page.activity, activity].sort((a, b) => byTime(a, b)) } : page,
  );
  return { ...data, pages };
}

const byTime = (a: TActivity, b: TActivity) => (a.change.at < b.change.at ? -1 : a.change.at > b.change.at ? 1 : 0);

/** A person's name as the dashboard knows the team; undefined for someone it does not know. */
export type NameOf = (userId: string) => string | undefined;

/** "Ada assigned this to Alan", "Assigned automatically to Alan", "Alan resolved this", "Reopened"… in the person's language. */
export function describeActivity({ actor, change, names }: TActivity, nameOf: NameOf, t: Translator<"Activity">, locale: string): string {
  // Their name now if they are on the team; else as the change recorded it (they have left since).
  const name = (userId: string) => nameOf(userId) ?? names?.[userId] ?? t("someone");
  const by = actor?.kind === "user" ? capitalize(name(actor.userId)) : null;
  if (change.field === "assignee") {
    if (change.to === null) return by ? t("unassignedBy", { by }) : t("unassigned");
    if (actor?.kind === "auto-assignment") return t("autoAssigned", { name: name(change.to) });
    if (actor?.kind === "user" && actor.userId === change.to) return t("took", { by: by! });
    return by ? t("assignedBy", { by, name: name(change.to) }) : t("assigned", { name: name(change.to) });
  }
  if (change.field === "labels") return describeLabels(change.added, change.removed, by, t, locale);
  const status = change.to === "resolved" ? "resolved" : change.to === "pending" ? "pending" : change.from === "resolved" ? "reopened" : "open";
  return by ? t(`statusBy.${status}`, { by }) : t(`status.${status}`);
}

/** "Ada added the label Billing", "Ada added Billing and VIP, removed the label Old", "Added the label Billing". */
function describeLabels(
  added: readonly { name: string }[],
  removed: readonly { name: string }[],
  by: string | null,
  t: Translator<"Activity">,
  locale: string,
): string {
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const part = (verb: "added" | "removed", labels: readonly { name: string }[]) =>
    labels.length === 1 ? t(`labels.${verb}One`, { name: labels[0]!.name }) : t(`labels.${verb}Many`, { names: list.format(labels.map((label) => label.name)) });
  const parts = [...(added.length > 0 ? [part("added", added)] : []), ...(removed.length > 0 ? [part("removed", removed)] : [])].join(", ");
  return by ? t("labels.by", { by, what: parts }) : capitalize(parts);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
