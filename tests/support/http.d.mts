export interface CallOptions {
  body?: unknown;
  token?: string;
  timeoutMs?: number;
}
// biome-ignore lint/suspicious/noExplicitAny: test helpers hand back parsed JSON of any shape
export type Json = any;

export function call(
  baseUrl: string,
  method: string,
  path: string,
  options?: CallOptions,
): Promise<{ status: number; body: Json }>;
export function ok(baseUrl: string, method: string, path: string, options?: CallOptions): Promise<Json>;
export function login(
  baseUrl: string,
  username: string,
  password: string,
  mode?: "online" | "offline",
): Promise<string>;
export function waitFor<T>(
  check: () => T | Promise<T>,
  options?: { timeoutMs?: number; everyMs?: number; what?: string },
): Promise<NonNullable<T>>;
