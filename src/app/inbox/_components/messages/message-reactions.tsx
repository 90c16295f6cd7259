// The reactions on a message, under its bubble: the customer's and the business's, each with who
// reacted (in its accessible name and tooltip). A reaction WhatsApp refused says why.
"use client";
import { useTranslations } from "next-intl";
import type { TReaction, TReactions } from "@/shared/reactions";

function Chip({ reaction, ours }: { reaction: TReaction; ours: boolean }) {
  const t = useTranslations("Reactions");
  const who = ours ? t("team", { name: reaction.byName }) : reaction.byName;
  const label = reaction.failed ? t("notDelivered", { emoji: reaction.emoji, who, reason: reaction.failed }) : t("by", { emoji: reaction.emoji, who });
  return (
    <li
      title={label}
      aria-label={label}
      className={`flex items-center gap-0.5 rounded-full bg-white px-1.5 py-0.5 text-sm leading-none shadow-sm ring-1 ${
        reaction.failed ? "ring-red-300" : "ring-slate-200"
      }`}
    >
      <span aria-hidden="true">{reaction.emoji}</span>
      {reaction.failed && (
        <span aria-hidden="true" className="text-[11px] font-semibold text-red-700">
          !
        </span>
      )}
    </li>
  );
}

export function MessageReactions({ reactions }: { reactions: TReactions | null | undefined }) {
  const t = useTranslations("Reactions");
  const customer = reactions?.customer?.emoji ? reactions.customer : null;
  const business = reactions?.business?.emoji ? reactions.business : null;
  const failed = reactions?.business?.failed;
  if (!customer && !business && !failed) return null;
  return (
    <>
      {(customer ?? business) && (
        <ul aria-label={t("list")} className="-mt-1.5 flex gap-1 px-2">
          {customer && <Chip reaction={customer} ours={false} />}
          {business && <Chip reaction={business} ours />}
        </ul>
      )}
      {failed && <p className="mt-0.5 max-w-[min(80%,36rem)] px-1 text-[11px] text-red-700">{t("failed", { reason: failed })}</p>}
    </>
  );
}
