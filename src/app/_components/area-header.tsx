// The header of the areas outside the inbox (Admin, Account): a title, the area's tabs, the way
// back to the inbox and who is signed in.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { LogoMark } from "./logo-mark";
import { LanguagePicker } from "../inbox/_components/header/language-picker";
import { SignedInAs } from "../inbox/_components/header/signed-in-as";
import { AreaNav, type AreaSection } from "./area-nav";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600";

type AreaHeaderProps = {
  title: string;
  /** The accessible name of the tabs' navigation landmark. */
  navLabel: string;
  sections: readonly AreaSection[];
  userName: string;
};

export function AreaHeader({ title, navLabel, sections, userName }: AreaHeaderProps) {
  const t = useTranslations("Area");
  return (
    // Narrower than a laptop the tabs take a second row of their own, scrolling sideways if they
    // must, rather than pushing the header past the edge of a phone.
    <header className="sticky top-0 z-20 flex min-h-14 shrink-0 flex-wrap items-center gap-x-4 border-b border-slate-200 bg-white px-4 lg:h-14 lg:flex-nowrap">
      <span className="flex h-14 shrink-0 items-center gap-2 text-[15px] font-semibold tracking-tight text-slate-900">
        <LogoMark />
        <span className="max-sm:sr-only">{title}</span>
      </span>
      {sections.length > 0 && <AreaNav label={navLabel} sections={sections} />}
      <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2 lg:order-last">
        <Link href="/inbox" className={`rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-emerald-700 hover:bg-emerald-50 ${focusRing}`}>
          {t("backToInbox")}
        </Link>
        {/* On a phone the inbox's profile menu offers it; here it would push the header past the edge. */}
        <LanguagePicker className="max-sm:hidden" />
        <SignedInAs userName={userName} />
      </div>
    </header>
  );
}
