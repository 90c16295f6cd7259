"use client";
// Closing a disclosure (a menu or popover opened by a button) the way people expect: a click
// elsewhere closes it, and Escape closes it and puts focus back on its button. A dialog opened from
// inside it takes its own Escape first.
import { useEffect, type RefObject } from "react";

export function useDismiss(open: boolean, box: RefObject<HTMLElement | null>, button: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !box.current?.contains(event.target)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || (event.target instanceof Element && event.target.closest("dialog"))) return;
      close();
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open, box, button, close]);
}
