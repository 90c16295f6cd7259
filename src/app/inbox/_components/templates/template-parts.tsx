"use client";
// Parts of a template message shared by the dialog's preview and the log: a media header (which
// kind, and the link to its file) and the buttons the customer sees under the message.
import { useTranslations } from "next-intl";
import type { THeaderMedia } from "@/shared/templates";


export function TemplateHeaderMedia({ kind, link }: { kind: THeaderMedia; link: string | null }) {
  const t = useTranslations("Templates");
  return (
    <div className="mb-1.5 flex items-center gap-2 rounded-lg bg-black/5 px-2.5 py-2 text-xs">
      <span className="font-semibold">{t(`headerMedia.${kind}`)}</span>
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer" className="min-w-0 truncate underline">
          {link}
        </a>
      ) : (
        <span className="opacity-70">{t("noLinkYet")}</span>
      )}
    </div>
  );
}

export function TemplateButtons({ labels }: { labels: readonly string[] }) {
  const t = useTranslations("Templates");
  if (labels.length === 0) return null;
  return (
    <ul aria-label={t("buttons")} className="mt-2 flex flex-col gap-1 border-t border-black/10 pt-1.5">
      {labels.map((label, index) => (
        <li key={index} className="text-center text-sm font-medium text-sky-700">
          {label}
        </li>
      ))}
    </ul>
  );
}
