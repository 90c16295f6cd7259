// A template message as the customer sees it: its header (text, or the media it links to), the
// body with the variables filled in, its footer and buttons; a small "Template" tag tells the team
// it was one (a group with that name).
"use client";
import { useTranslations } from "next-intl";
import type { TMessage } from "@/shared/dto";
import { HEADER_MEDIA_KINDS } from "@/shared/templates";
import { TemplateButtons, TemplateHeaderMedia } from "../templates/template-parts";

function buttonLabels(json: string | undefined): string[] {
  try {
    const parsed: unknown = json ? JSON.parse(json) : [];
    return Array.isArray(parsed) ? parsed.filter((label): label is string => typeof label === "string") : [];
  } catch {
    return [];
  }
}

export function MessageTemplate({ message }: { message: TMessage }) {
  const t = useTranslations("Message");
  const details = message.details;
  const media = HEADER_MEDIA_KINDS.find((kind) => kind === details?.templateHeaderMedia);
  return (
    <div role="group" aria-label={t("template")} className="flex flex-col gap-1">
      <span className="self-start rounded bg-black/5 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide uppercase opacity-70">{t("template")}</span>
      {media && <TemplateHeaderMedia kind={media} link={details?.templateHeaderLink ?? null} />}
      {details?.templateHeader && <p className="text-sm font-semibold">{details.templateHeader}</p>}
      <p dir="auto" className="text-[14.5px] leading-snug break-words whitespace-pre-wrap">
        {message.body}
      </p>
      {details?.templateFooter && <p className="text-xs opacity-70">{details.templateFooter}</p>}
      <TemplateButtons labels={buttonLabels(details?.templateButtons)} />
    </div>
  );
}
