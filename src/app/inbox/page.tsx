import { useTranslations } from "next-intl";

export default function InboxPage() {
  const t = useTranslations("Inbox");
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-2xl bg-white text-2xl shadow-sm ring-1 ring-slate-200">
        💬
      </span>
      <h2 className="text-base font-semibold text-slate-800">{t("select")}</h2>
      <p className="max-w-xs text-sm text-slate-500">{t("selectHint")}</p>
    </div>
  );
}
