// The activity lines of a conversation's log: where a live change goes in the cached history, and
// the one sentence that describes a change, for a live line and a reloaded one alike.
import type { TActivity } from "@/shared/activity";
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

/** "Ada assigned this to Alan", "Assigned automatically to Alan", "Alan resolved this", "Reopened"… */
export function describeActivity({ actor, change, names }: TActivity, nameOf: NameOf): string {
  // Their name now if they are on the team; else as the change recorded it (they have left since).
  const name = (userId: string) => nameOf(userId) ?? names?.[userId] ?? "someone";
  const by = actor?.kind === "user" ? capitalize(name(actor.userId)) : null;
  if (change.field === "assignee") {
    if (change.to === null) return by ? `${by} unassigned this` : "Unassigned";
    if (actor?.kind === "auto-assignment") return `Assigned automatically to ${name(change.to)}`;
    if (actor?.kind === "user" && actor.userId === change.to) return `${by} took this`;
    return by ? `${by} assigned this to ${name(change.to)}` : `Assigned to ${name(change.to)}`;
  }
  if (change.field === "labels") return describeLabels(change.added, change.removed, by);
  const [withActor, alone] =
    change.to === "resolved" ? ["resolved this", "Resolved"]
    : change.to === "pending" ? ["marked this pending", "Marked pending"]
    : change.from === "resolved" ? ["reopened this", "Reopened"]
    : ["marked this open", "Marked open"];
  return by ? `${by} ${withActor}` : alone;
}

/** "Ada added the label Billing", "Ada added Billing and VIP, removed Old", "Label Billing removed". */
function describeLabels(added: readonly { name: string }[], removed: readonly { name: string }[], by: string | null): string {
  const names = (labels: readonly { name: string }[]) => labels.map((label) => label.name);
  const one = (verb: string, labels: readonly { name: string }[]) =>
    labels.length === 1 ? `${verb} the label ${labels[0]!.name}` : `${verb} ${listFormat.format(names(labels))}`;
  const parts = [...(added.length > 0 ? [one("added", added)] : []), ...(removed.length > 0 ? [one("removed", removed)] : [])];
  return by ? `${by} ${parts.join(", ")}` : capitalize(parts.join(", "));
}

const listFormat = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
