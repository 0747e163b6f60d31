import { useEffect, useRef } from "react";

/** `[KeyboardEvent.key, handler]` pairs: `["F9", pay]`, `["Escape", back]`, `["+", more]`. */
export type Shortcuts = readonly (readonly [key: string, run: () => void])[];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Function keys and Escape work everywhere; other keys only when the cashier is not typing. */
function worksWhileTyping(key: string): boolean {
  return /^F\d{1,2}$/.test(key) || key === "Escape";
}

/**
 * Binds keyboard shortcuts while `enabled` (off while a dialog has the keyboard). Keys with a
 * modifier (Ctrl, Alt, Meta) are left to the browser.
 */
export function useShortcuts(shortcuts: Shortcuts, enabled = true): void {
  const shortcutsRef = useRef(shortcuts);
  shortcutsRef.current = shortcuts;

  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target) && !worksWhileTyping(event.key)) return;
      if (document.querySelector("[aria-modal='true']") !== null) return;
      const binding = shortcutsRef.current.find(([key]) => key === event.key);
      if (binding === undefined) return;
      event.preventDefault();
      binding[1]();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
