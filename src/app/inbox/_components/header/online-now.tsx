"use client";
// Who else on the team has the inbox open, as a compact row of initials in the header. The list's
// name and each person's name are there for screen readers; the initials are decoration.
import { useTranslations } from "next-intl";
import { useOnlineTeam } from "../../_hooks/use-presence";
import { Avatar } from "../avatar";
import { useCurrentUser } from "./current-user";

/** More than this and the rest are summed up as "+N". */
const SHOWN = 4;

export function OnlineNow() {
  const t = useTranslations("Header");
  const me = useCurrentUser();
  const others = useOnlineTeam().filter((member) => member.id !== me.id);
  if (others.length === 0) return null;
  const shown = others.slice(0, SHOWN);
  const rest = others.slice(SHOWN);

  return (
    <ul aria-label={t("onlineNow")} className="hidden items-center -space-x-1.5 sm:flex">
      {shown.map((member) => (
        <li key={member.id} title={t("memberOnline", { name: member.name })} className="relative rounded-full ring-2 ring-white">
          <Avatar name={member.name} seed={member.id} size="sm" />
          <span aria-hidden="true" className="absolute -right-0.5 -bottom-0.5 size-2 rounded-full bg-emerald-500 ring-2 ring-white" />
          <span className="sr-only">{member.name}</span>
        </li>
      ))}
      {rest.length > 0 && (
        <li
          title={rest.map((member) => member.name).join(", ")}
          className="flex size-7 items-center justify-center rounded-full bg-slate-100 text-[11px] font-semibold text-slate-700 ring-2 ring-white"
        >
          <span aria-hidden="true">+{rest.length}</span>
          <span className="sr-only">{rest.map((member) => member.name).join(", ")}</span>
        </li>
      )}
    </ul>
  );
}
