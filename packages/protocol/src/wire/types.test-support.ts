/** `T` with every `readonly` dropped, arrays included; primitives (branded `Dong` too) stay as they are. */
export type DeepMutable<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? DeepMutable<U>[]
    : { -readonly [K in keyof T]: DeepMutable<T[K]> };
