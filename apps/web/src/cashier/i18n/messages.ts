import type { vi } from "./vi.js";

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Every language has exactly the keys of the Vietnamese text. */
export type CashierMessages = Shape<typeof vi>;
