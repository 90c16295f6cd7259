"use client";
// The template as the customer will see it, with the fields filled in so far (a variable not
// filled yet shows as its {{name}}). The same fillTemplate makes the message stored in the log.
import { useTranslations } from "next-intl";
import { fillTemplate, valuesFor, type TTemplate } from "@/shared/templates";
import { TemplateButtons, TemplateHeaderMedia } from "./template-parts";

export function TemplatePreview({ template, values }: { template: TTemplate; values: readonly string[] }) {
  const t = useTranslations("Templates");
  const filled = values.map((value) => value.trim());
  const mediaIndex = template.fields.findIndex((field) => field.media);
  return (
    <section aria-label={t("preview")} className="flex flex-col gap-1.5">
      <h3 className="text-sm font-medium text-slate-700">{t("preview")}</h3>
      <div className="rounded-2xl bg-[#efeae2] p-3">
        <div className="ml-auto max-w-[85%] rounded-2xl rounded-br-md bg-emerald-50 px-3.5 py-2 text-slate-900 shadow-sm ring-1 ring-emerald-100">
          {template.headerMedia && <TemplateHeaderMedia kind={template.headerMedia} link={filled[mediaIndex] || null} />}
          {template.header && <p className="text-sm font-semibold">{fillTemplate(template.header, valuesFor(template, filled, "header"))}</p>}
          <p dir="auto" className="text-[14.5px] leading-snug break-words whitespace-pre-wrap">
            {fillTemplate(template.body, valuesFor(template, filled, "body"))}
          </p>
          {template.footer && <p className="mt-1 text-xs text-slate-500">{template.footer}</p>}
          <TemplateButtons labels={template.buttons} />
        </div>
      </div>
    </section>
  );
}
