import type { TActivity } from "@/shared/activity";
import { formatClock, formatFull } from "@/app/_lib/time";
import { describeActivity, type NameOf } from "../../_lib/activity-lines";

/**
 * A change of assignee or status among the messages: quiet and centred, read by a screen reader as
 * one sentence ("Ada assigned this to Alan · 12:03"). Live and reloaded lines both come from
 * describeActivity, so they read the same.
 */
export function ActivityLine({ activity, nameOf }: { activity: TActivity; nameOf: NameOf }) {
  const at = activity.change.at;
  return (
    <li className="my-1 px-4 text-center text-xs text-slate-500">
      {describeActivity(activity, nameOf)} ·{" "}
      <time dateTime={at} title={formatFull(at)}>
        {formatClock(at)}
      </time>
    </li>
  );
}
