/**
 * Test support, not shipped code: the credentials the contract fuzzer calls with — the target's
 * live tokens, dead and tampered ones, cookies, and malformed authorization headers.
 */
import fc from "fast-check";
import type { FuzzTarget } from "./fuzz-target.test-support.js";

/** A token that works, or one that does not. */
export function tokenFor(target: FuzzTarget): fc.Arbitrary<string> {
  const live = target.tokens.map((entry) => entry.token);
  return fc.oneof(
    { weight: 3, arbitrary: live.length > 0 ? fc.constantFrom(...live) : fc.string() },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
}

export interface Auth {
  readonly headers: Record<string, string>;
  readonly label: string;
}

/** How a call authenticates, for whom: `route` picks the target's preferred tokens. */
export function authFor(target: FuzzTarget, route: string): fc.Arbitrary<Auth> {
  const tokens = target.tokens.length > 0 ? target.tokens : [{ name: "nobody", token: "not-a-token" }];
  const live = fc.oneof(
    ...tokens.map((entry) => ({ weight: entry.weight ?? 1, arbitrary: fc.constant(entry) })),
  );
  const preferredNames = target.preferredTokens?.[route] ?? [];
  const preferred = tokens.filter((entry) => preferredNames.includes(entry.name));
  const dead = target.deadTokens ?? [];
  const bearer = (token: string, label: string): Auth => ({
    headers: { authorization: `Bearer ${token}` },
    label,
  });
  const cookie = (value: string, label: string): Auth => ({ headers: { cookie: value }, label });
  const tampered = fc
    .tuple(live, fc.nat(), fc.constantFrom("A", "_", "-", "0", "."))
    .map(([{ name, token }, at, char]) => {
      const index = at % token.length;
      return bearer(
        `${token.slice(0, index)}${char}${token.slice(index + 1)}`,
        `${name}'s token, one character changed`,
      );
    });
  return fc.oneof(
    {
      weight: preferred.length > 0 ? 40 : 0,
      arbitrary: fc
        .constantFrom(...(preferred.length > 0 ? preferred : tokens))
        .map(({ name, token }) => bearer(token, `as ${name}`)),
    },
    { weight: 24, arbitrary: live.map(({ name, token }) => bearer(token, `as ${name}`)) },
    {
      weight: 4,
      arbitrary: live.map(({ name, token }) =>
        cookie(`quay_session=${encodeURIComponent(token)}`, `as ${name} by cookie`),
      ),
    },
    { weight: 4, arbitrary: fc.constant<Auth>({ headers: {}, label: "no credentials" }) },
    {
      weight: dead.length > 0 ? 2 : 0,
      arbitrary: fc
        .constantFrom(...(dead.length > 0 ? dead : ["x"]))
        .map((token) => bearer(token, "an ended session")),
    },
    { weight: 2, arbitrary: tampered },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.string({ maxLength: 60 }).map((token) => bearer(token, "a made-up token")),
        fc.constantFrom<Auth>(
          { headers: { authorization: "Bearer" }, label: "Bearer with no token" },
          { headers: { authorization: "Basic YWRtaW46YWRtaW4xMjM=" }, label: "basic auth" },
          { headers: { authorization: "Bearer a.b.c" }, label: "a three-part token" },
          { headers: { cookie: "quay_session=%ZZ" }, label: "a malformed cookie" },
          { headers: { cookie: "quay_session=%E0%A4%A; other=1" }, label: "a cookie of broken UTF-8" },
          { headers: { cookie: "quay_session=" }, label: "an empty cookie" },
        ),
        live.map(({ name, token }) => ({
          headers: { cookie: `theme=%ZZ; quay_session=${token}` },
          label: `as ${name} beside a malformed cookie`,
        })),
        live.map(({ name, token }) => ({
          headers: { authorization: `bearer   ${token}  ` },
          label: `as ${name}, odd spacing`,
        })),
      ),
    },
  );
}
