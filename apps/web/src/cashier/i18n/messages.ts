import type { MessagesLike } from "../../shared/i18n/typed-text.js";
import type { vi } from "./vi.js";

/** Every language has exactly the keys of the Vietnamese text. */
export type CashierMessages = MessagesLike<typeof vi>;
