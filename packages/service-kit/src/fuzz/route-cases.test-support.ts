/**
 * Test support, not shipped code: random calls to every declared route of a service — right and
 * wrong credentials, real and made-up ids, valid, slightly wrong and broken bodies and queries.
 */
import fc from "fast-check";
import type { DeclaredRoute } from "../route-access.js";
import {
  brokenJson,
  hostileSegment,
  hostileText,
  hostileValue,
  mutated,
  otherContentType,
} from "./hostile-input.test-support.js";
import {
  arbitraryFor,
  type FieldValues,
  type JsonSchema,
  jsonSchemaOf,
} from "./json-schema-arbitrary.test-support.js";

/** What the fuzzer knows about a service it calls. */
export interface FuzzTarget {
  readonly routes: readonly DeclaredRoute[];
  /**
   * Real ids by kind (`order`, `line`, `item`, `store`, …: a path segment or an `…Id` field, in
   * the singular) of the store most credentials work in, drawn most often.
   */
  readonly ids: Readonly<Record<string, readonly string[]>>;
  /** Real ids by kind of other stores and tenants: what a caller may not reach. */
  readonly foreignIds?: Readonly<Record<string, readonly string[]>>;
  /**
   * Real values by field name (usernames, passwords, PINs, store codes, amounts), to get past the
   * checks now and then; the first of each is drawn most often.
   */
  readonly values?: Readonly<Record<string, readonly unknown[]>>;
  /** Credentials that work, each with who holds it; those of the main store weigh more. */
  readonly tokens: readonly { readonly name: string; readonly token: string; readonly weight?: number }[];
  /** Credentials that no longer work: ended sessions, revoked stations. */
  readonly deadTokens?: readonly string[];
  /** More bodies for some routes (`"POST /api/sync/push"`) than their schema gives: real batches, replays. */
  readonly bodies?: Readonly<Record<string, fc.Arbitrary<FuzzBody>>>;
  /** Whose tokens a route is mostly called with (`"POST /api/sync/push": ["station"]`). */
  readonly preferredTokens?: Readonly<Record<string, readonly string[]>>;
  /** How often each route is called relative to the others; by default HEAD and /docs rarely. */
  readonly weights?: Readonly<Record<string, number>>;
}

/** A body made for one route, and whether the call may change anything even when it succeeds. */
export interface FuzzBody {
  readonly value: unknown;
  /** A replay of what the service holds already: even accepted, it must change nothing. */
  readonly changesNothing?: boolean;
  readonly label: string;
}

/** One call to make. */
export interface FuzzRequest {
  /** The route it aims at, as declared: `POST /api/orders/:id/lines`. */
  readonly route: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload?: Buffer;
  readonly changesNothing: boolean;
  /** What was tried, for the report. */
  readonly label: string;
}

export const NIL_UUID = "00000000-0000-0000-0000-000000000000";
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** `categories` → `category`, `orders` → `order`, `intoOrderId` → `order`, `storeIds` → `store`. */
export function kindOf(name: string): string {
  const field = /([A-Z][a-z]*|^[a-z]+)Ids?$/.exec(name);
  const word = (field?.[1] ?? name).toLowerCase();
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

/** The calls the fuzzer makes to `target`: to any route, and to each route on its own. */
export interface FuzzRequests {
  readonly anyRoute: fc.Arbitrary<FuzzRequest>;
  /** One per declared route, so that a run calls every route at least once. */
  readonly eachRoute: readonly fc.Arbitrary<FuzzRequest>[];
}

/** Every call the fuzzer makes to `target`: any of its routes, any way of calling it. */
export function fuzzRequests(target: FuzzTarget): FuzzRequests {
  if (target.routes.length === 0)
    throw new Error("no routes declared: is this a service made by createHttpService?");
  const allIds = [...Object.values(target.ids), ...Object.values(target.foreignIds ?? {})].flat();
  const anyRealId = allIds.length > 0 ? fc.constantFrom(...allIds) : fc.uuid();
  const from = (pool: readonly string[] | undefined) =>
    pool && pool.length > 0 ? fc.constantFrom(...pool) : anyRealId;
  const idOf = (kind: string): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: target.ids[kind]?.length ? 12 : 0, arbitrary: from(target.ids[kind]) },
      { weight: target.foreignIds?.[kind]?.length ? 3 : 0, arbitrary: from(target.foreignIds?.[kind]) },
      { weight: 2, arbitrary: anyRealId },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constantFrom(NIL_UUID, "ffffffff-ffff-ffff-ffff-ffffffffffff") },
    );
  const weighted = target.routes.map((route) => {
    const usual = route.method === "HEAD" || route.url.startsWith("/docs") ? 1 : 4;
    const weight = target.weights?.[`${route.method} ${route.url}`] ?? usual;
    return { weight, arbitrary: routeRequests(route, target, idOf) };
  });
  return { anyRoute: fc.oneof(...weighted), eachRoute: weighted.map((entry) => entry.arbitrary) };
}

function routeRequests(
  route: DeclaredRoute,
  target: FuzzTarget,
  idOf: (kind: string) => fc.Arbitrary<string>,
): fc.Arbitrary<FuzzRequest> {
  const name = `${route.method} ${route.url}`;
  const segments = route.url.split("/");
  /** The kind an `id` stands for here: the collection named before it (`/api/orders/:id` → order). */
  const contextKind = (index: number) => kindOf(segments[index - 1] ?? "");
  const fields: FieldValues = (field, schema) => {
    const known = target.values?.[field];
    const plain = () => arbitraryFor(schema);
    if (known && known.length > 0) {
      return fc.oneof(
        { weight: 3, arbitrary: fc.constant(known[0]) },
        { weight: 3, arbitrary: fc.constantFrom(...known) },
        { weight: 1, arbitrary: plain() },
      );
    }
    const isId = schema.format === "uuid" || schema.items?.format === "uuid";
    if (!isId || schema.items) return undefined;
    const lastCollection =
      [...segments].reverse().find((segment) => segment && !segment.startsWith(":")) ?? "";
    return idOf(field === "id" ? kindOf(lastCollection) : kindOf(field));
  };
  const schema = route.schema as Record<string, unknown> | undefined;
  const bodySchema = jsonSchemaOf(schema?.body);
  const querySchema = jsonSchemaOf(schema?.querystring);
  const paramsSchema = jsonSchemaOf(schema?.params);

  const path = fc.tuple(
    ...segments.map((segment, index) => {
      if (segment === "*")
        return fc.oneof(fc.constantFrom("", "index.html", "assets/app.js", "a/b/c"), hostileSegment);
      if (!segment.startsWith(":")) return fc.constant(segment);
      const param = segment.slice(1);
      const valid =
        param in (paramsSchema?.properties ?? {})
          ? idOf(param === "id" ? contextKind(index) : kindOf(param))
          : fc.uuid();
      return fc.oneof(
        { weight: 18, arbitrary: valid },
        { weight: 1, arbitrary: hostileSegment },
        { weight: 1, arbitrary: hostileText.map(encodeSegment) },
      );
    }),
  );
  const query = querySchema
    ? fc.oneof(
        { weight: 6, arbitrary: arbitraryFor(querySchema, fields) },
        { weight: 3, arbitrary: mutated(arbitraryFor(querySchema, fields)) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), hostileValue, { maxKeys: 2 }) },
      );
  const extraQuery = fc.oneof(
    { weight: 12, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: tokenFor(target).map((token) => `token=${encodeURIComponent(token)}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "%ZZ=1",
        "a=%E0%A4%A",
        "storeId=x&storeId=y",
        "limit=1e3",
        "=&&=",
        "__proto__[x]=1",
      ),
    },
  );
  const body = bodyFor(route, name, bodySchema, fields, target.bodies?.[name]);

  return fc
    .record({ path, query, extraQuery, body, auth: authFor(target, name), language: language })
    .map(({ path: parts, query: values, extraQuery: extra, body: sent, auth, language: lang }) => {
      const queryText = [encodeQuery(values), extra].filter(Boolean).join("&");
      const headers: Record<string, string> = { ...auth.headers, ...sent.headers };
      if (lang !== null) headers["accept-language"] = lang;
      return {
        route: name,
        method: route.method,
        url: `${parts.join("/") || "/"}${queryText ? `?${queryText}` : ""}`,
        headers,
        ...(sent.payload === undefined ? {} : { payload: sent.payload }),
        changesNothing: sent.changesNothing,
        label: `${auth.label}; ${sent.label}`,
      };
    });
}

interface SentBody {
  readonly payload?: Buffer;
  readonly headers: Record<string, string>;
  readonly changesNothing: boolean;
  readonly label: string;
}

const asJson = (value: unknown, label: string, changesNothing = false): SentBody =>
  value === undefined
    ? { headers: {}, changesNothing, label: `${label} (no body)` }
    : {
        payload: Buffer.from(JSON.stringify(value)),
        headers: { "content-type": "application/json" },
        changesNothing,
        label,
      };

function bodyFor(
  route: DeclaredRoute,
  name: string,
  schema: JsonSchema | undefined,
  fields: FieldValues,
  special: fc.Arbitrary<FuzzBody> | undefined,
): fc.Arbitrary<SentBody> {
  const none = fc.constant<SentBody>({ headers: {}, changesNothing: false, label: "no body" });
  if (!schema) {
    const stray = fc.oneof(
      hostileValue.map((value) => asJson(value, "a stray body")),
      brokenJson("{}").map((bytes) => raw(bytes, "a broken stray body")),
    );
    return BODY_METHODS.has(route.method)
      ? fc.oneof({ weight: 7, arbitrary: none }, { weight: 3, arbitrary: stray })
      : fc.oneof({ weight: 19, arbitrary: none }, { weight: 1, arbitrary: stray });
  }
  const valid = arbitraryFor(schema, fields);
  const choices: fc.WeightedArbitrary<SentBody>[] = [
    { weight: 12, arbitrary: valid.map((value) => asJson(value, "a valid body")) },
    { weight: 5, arbitrary: mutated(valid).map((value) => asJson(value, "a body with one mistake")) },
    { weight: 1, arbitrary: hostileValue.map((value) => asJson(value, "a body of another type")) },
    {
      weight: 2,
      arbitrary: valid
        .chain((value) => brokenJson(JSON.stringify(value) ?? "{}"))
        .map((bytes) => raw(bytes, "broken JSON")),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, otherContentType).map(([value, type]) => ({
        payload: Buffer.from(JSON.stringify(value) ?? ""),
        headers: type ? { "content-type": type } : {},
        changesNothing: false,
        label: `a valid body as ${type || "no content type"}`,
      })),
    },
  ];
  if (special) {
    choices.push({
      weight: 10,
      arbitrary: special.map((made) => asJson(made.value, made.label, made.changesNothing)),
    });
    choices.push({
      weight: 3,
      arbitrary: mutated(special.map((made) => made.value)).map((value) =>
        asJson(value, `${name}: a made body with one mistake`),
      ),
    });
  }
  return fc.oneof(...choices);
}

const raw = (payload: Buffer, label: string): SentBody => ({
  payload,
  headers: { "content-type": "application/json" },
  changesNothing: false,
  label,
});

/** A token that works, or one that does not. */
function tokenFor(target: FuzzTarget): fc.Arbitrary<string> {
  const live = target.tokens.map((entry) => entry.token);
  return fc.oneof(
    { weight: 3, arbitrary: live.length > 0 ? fc.constantFrom(...live) : fc.string() },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
}

interface Auth {
  readonly headers: Record<string, string>;
  readonly label: string;
}

function authFor(target: FuzzTarget, route: string): fc.Arbitrary<Auth> {
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

const language = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("en", "en-US,en;q=0.9", "vi", "*", "fr", "") },
);

/** A path segment as a client would encode it; text that cannot be encoded goes as it is. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

/** A query object as a browser writes it: arrays repeat the key, objects go as JSON. */
function encodeQuery(values: unknown): string {
  if (values === undefined || values === null) return "";
  if (typeof values !== "object") return `q=${encodeSegment(String(values))}`;
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = item !== null && typeof item === "object" ? JSON.stringify(item) : String(item);
      pairs.push(`${encodeSegment(key)}=${encodeSegment(text)}`);
    }
  }
  return pairs.join("&");
}
