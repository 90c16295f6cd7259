"use client";
// The tab's title carries the user's unread total, "(3) Switchboard", so a tab in the background
// says there is something to answer. Every tab of the user follows the same live count.
import { usePathname } from "next/navigation";
import { useEffect } from "react";

const TITLE = "Switchboard";

export function unreadTitle(unread: number | undefined): string {
  if (!unread) return TITLE;
  return `(${unread > 99 ? "99+" : unread}) ${TITLE}`;
}

export function useUnreadTitle(unread: number | undefined) {
  // Next sets the page's own title on navigation: set ours again after it.
  const pathname = usePathname();
  useEffect(() => {
    document.title = unreadTitle(unread);
  }, [unread, pathname]);
}
