"use client";
// The current time for a label that changes at known moments ("3 min ago" → "4 min ago"): the
// caller says how long until its label next changes, and the component re-renders then, with the
// exact time, rather than on a fixed beat that would be up to a beat wrong. Re-checked when the
// tab becomes visible (hidden tabs' timers are throttled, a sleeping laptop's are stopped).
// Null until mounted, so server rendering and hydration never disagree about the time.
import { useEffect, useState } from "react";

/** However far away the next change is, look again at least this often (clocks get adjusted). */
const MAX_WAIT_MS = 60_000;

export function useNow(msUntilChange: (now: number) => number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      clearTimeout(timer);
      const current = Date.now();
      setNow(current);
      timer = setTimeout(tick, Math.min(MAX_WAIT_MS, Math.max(250, msUntilChange(current))));
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") tick();
    };
    timer = setTimeout(tick, 0);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [msUntilChange]);
  return now;
}
