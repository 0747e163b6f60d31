import type { vi } from "../i18n/vi.js";

type ShortcutText = keyof typeof vi.shortcuts;

/** Every shortcut the cashier app binds, as shown in the help overlay (keep in step with the code). */
export const SHORTCUTS: readonly { readonly keys: readonly string[]; readonly text: ShortcutText }[] = [
  { keys: ["F1", "?"], text: "help" },
  { keys: ["F2"], text: "takeAway" },
  { keys: ["F3", "/"], text: "search" },
  { keys: ["Enter"], text: "addFirst" },
  { keys: ["↑", "↓"], text: "lineSelect" },
  { keys: ["+", "−"], text: "lineQuantity" },
  { keys: ["F4"], text: "lineEdit" },
  { keys: ["F6"], text: "move" },
  { keys: ["F7"], text: "provisional" },
  { keys: ["F9"], text: "pay" },
  { keys: ["Alt+1", "Alt+2", "Alt+3"], text: "paymentMethod" },
  { keys: ["Enter"], text: "confirm" },
  { keys: ["F8"], text: "print" },
  { keys: ["Esc"], text: "back" },
];
