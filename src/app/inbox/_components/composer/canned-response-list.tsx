"use client";
// The "Canned responses" list that opens above the Message box on "/" (../_hooks/use-canned-picker.ts).
// The box keeps the keyboard focus and points at the highlighted option (aria-activedescendant);
// a click chooses too, without taking the focus from the box.
import { useTranslations } from "next-intl";
import type { CannedOption } from "../../_hooks/use-canned-picker";
import type { Translator } from "@/i18n/translator";

interface Props {
  id: string;
  options: CannedOption[];
  activeId: string | undefined;
  onChoose: (option: CannedOption) => void;
}

const scopeLabel = (option: CannedOption, t: Translator<"Canned">) =>
  option.response.scope === "personal" ? t("yours") : option.response.scope === "inbox" ? (option.response.inboxName ?? t("inbox")) : t("everyone");

export function CannedResponseList({ id, options, activeId, onChoose }: Props) {
  const t = useTranslations("Canned");
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={t("list")}
      className="absolute right-0 bottom-full left-0 z-20 mb-2 max-h-64 overflow-y-auto rounded-xl border border-slate-200 bg-white py-1 shadow-lg"
    >
      {options.map((option) => {
        const active = option.id === activeId;
        return (
          <li
            key={option.id}
            id={option.id}
            role="option"
            aria-selected={active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(option)}
            className={`cursor-pointer px-3 py-2 text-sm ${active ? "bg-emerald-50" : "hover:bg-slate-50"}`}
          >
            <span className="flex items-baseline justify-between gap-2">
              <span className="font-semibold text-slate-900">/{option.response.shortcut}</span>
              <span className="shrink-0 text-[11px] text-slate-500">{scopeLabel(option, t)}</span>
            </span>
            <span className="line-clamp-2 text-slate-600">{option.filled}</span>
          </li>
        );
      })}
    </ul>
  );
}
