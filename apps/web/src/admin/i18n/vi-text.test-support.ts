import type { AdminText } from "./admin-text.js";
import { vi } from "./vi.js";

/** A `t` that reads the Vietnamese messages, as i18next would: for tests of text-making functions. */
export const viText = ((key: string, values?: Record<string, string | number>) => {
  let text: unknown = vi;
  for (const part of key.split(".")) text = (text as Record<string, unknown>)[part];
  return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ""));
}) as AdminText;
