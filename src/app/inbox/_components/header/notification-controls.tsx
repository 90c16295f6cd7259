"use client";
// The header's notification settings: "Enable notifications" while the browser has not been asked
// (asking happens only on this click, never by itself), and a chime toggle remembered in this
// browser. The notifications themselves come from use-new-message-notifications.
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { isSoundOn, setSoundOn, subscribeSoundPreference, unlockAudio } from "../../_lib/notification-sound";

type Permission = NotificationPermission | "unsupported";

const currentPermission = (): Permission => (typeof Notification === "undefined" ? "unsupported" : Notification.permission);

/** Chrome reports changes made in the site settings; elsewhere the next render reads it again. */
function subscribePermission(onChange: () => void): () => void {
  let status: PermissionStatus | null = null;
  let cancelled = false;
  navigator.permissions
    ?.query({ name: "notifications" })
    .then((found) => {
      if (cancelled) return;
      status = found;
      status.addEventListener("change", onChange);
    })
    .catch(() => undefined);
  return () => {
    cancelled = true;
    status?.removeEventListener("change", onChange);
  };
}

const buttonLook =
  "rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600";

export function NotificationControls() {
  const t = useTranslations("Header");
  const permission = useSyncExternalStore(subscribePermission, currentPermission, () => "unsupported" as const);
  const soundOn = useSyncExternalStore(subscribeSoundPreference, isSoundOn, () => false);
  // Renders again once the browser's prompt is answered, whether or not a change event comes.
  const [, setAnswered] = useState<Permission | null>(null);

  const enable = async () => {
    setAnswered(await Notification.requestPermission());
  };
  const toggleSound = () => {
    // This click is the gesture that lets the chime play later, with the tab in the background.
    if (!soundOn) unlockAudio();
    setSoundOn(!soundOn);
  };

  return (
    <>
      {permission === "default" && (
        <button type="button" onClick={() => void enable()} className={buttonLook}>
          {t("enableNotifications")}
        </button>
      )}
      <button
        type="button"
        aria-pressed={soundOn}
        onClick={toggleSound}
        title={soundOn ? t("soundOn") : t("soundOff")}
        className={`${buttonLook} aria-pressed:text-emerald-700 max-md:flex max-md:items-center max-md:gap-2`}
      >
        {/* Named by its icon in the header's row; in the phone's menu the name is shown. */}
        <span className="sr-only max-md:not-sr-only max-md:order-last">{t("sound")}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M9.55 3.16A.75.75 0 0 1 10 3.85v12.3a.75.75 0 0 1-1.26.55L5.2 13.5H3.25A1.25 1.25 0 0 1 2 12.25v-4.5C2 7.06 2.56 6.5 3.25 6.5H5.2l3.54-3.2a.75.75 0 0 1 .81-.14Z" />
          {soundOn ? (
            <path d="M13.3 6.2a.75.75 0 0 1 1.06.04 5.5 5.5 0 0 1 0 7.52.75.75 0 1 1-1.1-1.02 4 4 0 0 0 0-5.48.75.75 0 0 1 .04-1.06Z" />
          ) : (
            <path d="M13.22 7.22a.75.75 0 0 1 1.06 0L15.5 8.44l1.22-1.22a.75.75 0 1 1 1.06 1.06L16.56 9.5l1.22 1.22a.75.75 0 1 1-1.06 1.06L15.5 10.56l-1.22 1.22a.75.75 0 0 1-1.06-1.06l1.22-1.22-1.22-1.22a.75.75 0 0 1 0-1.06Z" />
          )}
        </svg>
      </button>
    </>
  );
}
