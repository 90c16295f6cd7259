"use client";
import { useLocale, useTranslations } from "next-intl";
import type { TActivity } from "@/shared/activity";
import { useTime } from "@/app/_lib/use-time";
import { describeActivity, type NameOf } from "../../_lib/activity-lines";

/**
 * A change of assignee or status among the messages: quiet and centred, read by a screen reader as
 * one sentence ("Ada assigned this to Alan · 12:03"). Live and reloaded lines both come from
 * describeActivity, so they read the same.
 */
export function ActivityLine({ activity, nameOf }: { activity: TActivity; nameOf: NameOf }) {
  const t = useTranslations("Activity");
  const locale = useLocale();
  const time = useTime();
  const at = activity.change.at;
  return (
    <li className="my-1 px-4 text-center text-xs text-slate-500">
      {describeActivity(activity, nameOf, t, locale)} ·{" "}
      <time dateTime={at} title={time.full(at)}>
        {time.clock(at)}
      </time>
    </li>
  );
}
