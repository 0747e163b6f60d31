import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** The dotted paths of every string in a messages object: `"login.title"`. */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

/** Every language has exactly the keys of the reference (Vietnamese) messages. */
export type MessagesLike<T> = { readonly [K in keyof T]: T[K] extends string ? string : MessagesLike<T[K]> };

export type TextValues = Readonly<Record<string, string | number>>;
export type Text<T> = (key: MessageKey<T>, values?: TextValues) => string;

type Translate = (key: string, values?: TextValues) => string;

/**
 * The app's own typed `t`: the shared i18next instance (language choice remembered across the
 * apps) with keys checked against this app's messages, not another app's.
 */
export function useTypedText<T>(): Text<T> {
  const { t } = useTranslation();
  const translate = t as unknown as Translate;
  return useCallback((key: MessageKey<T>, values?: TextValues) => translate(key, values), [translate]);
}
