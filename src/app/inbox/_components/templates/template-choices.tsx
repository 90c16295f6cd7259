// The approved templates as a searchable list of radio buttons: arrow keys move between them, the
// search box narrows them by name or text.
import { useTranslations } from "next-intl";
import type { TTemplate } from "@/shared/templates";

export const templateKey = (template: Pick<TTemplate, "name" | "language">) => `${template.name}\u0000${template.language}`;

const readable = (name: string) => name.replace(/_/g, " ");

interface Props {
  templates: TTemplate[];
  selectedKey: string | null;
  onSelect: (template: TTemplate) => void;
  name: string;
}

export function TemplateChoices({ templates, selectedKey, onSelect, name }: Props) {
  const t = useTranslations("Templates");
  if (templates.length === 0) return <p className="px-1 py-3 text-sm text-slate-500">{t("noMatch")}</p>;
  return (
    <fieldset className="max-h-52 overflow-y-auto rounded-lg border border-slate-200">
      <legend className="sr-only">{t("legend")}</legend>
      {templates.map((template) => {
        const key = templateKey(template);
        const checked = key === selectedKey;
        return (
          <label
            key={key}
            className={`flex cursor-pointer items-start gap-2.5 border-b border-slate-100 px-3 py-2 last:border-b-0 has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-emerald-600 ${
              checked ? "bg-emerald-50" : "hover:bg-slate-50"
            }`}
          >
            <input type="radio" name={name} checked={checked} onChange={() => onSelect(template)} className="mt-1 accent-emerald-600 focus:outline-none" />
            <span className="min-w-0 flex-1">
              <span className="flex items-baseline gap-2">
                <span className="text-sm font-medium text-slate-900">{readable(template.name)}</span>
                <span className="shrink-0 text-[11px] text-slate-500">
                  {template.language} · {template.category.toLowerCase()}
                </span>
              </span>
              <span aria-hidden="true" className="block truncate text-xs text-slate-500">
                {template.body}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
