import type { MessagesLike } from "../../shared/i18n/typed-text.js";
import type { vi } from "./vi.js";

/** The kitchen screen's English text. */
export const en: MessagesLike<typeof vi> = {
  app: {
    title: "Quầy · Kitchen / Bar",
  },
  common: {
    language: "Tiếng Việt",
    logout: "Sign out",
    retry: "Try again",
  },
  errors: {
    serverUnreachable: "Cannot reach the counter PC.",
    generic: "Something went wrong. Please try again.",
    notStaff: "This account cannot use the kitchen screen.",
  },
  login: {
    title: "Kitchen / bar screen",
    username: "Username",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
  },
  kitchen: {
    categories: "This screen makes",
    allCategories: "All",
    empty: "Nothing waiting to be made.",
    takeAway: "Take-away",
    order: "Order {{number}}",
    sentBy: "Sent by {{names}}",
    done: "Done",
    doneLine: "Tap to mark {{name}} done",
    waited: "{{minutes}}:{{seconds}}",
    waitedHours: "{{hours}} h {{minutes}} min",
    offline: "Internet down: this screen keeps working in the shop; phones order through the shop's network.",
    lost: "Lost the counter PC. Reconnecting…",
  },
};
