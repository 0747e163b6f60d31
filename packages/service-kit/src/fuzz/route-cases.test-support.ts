/**
 * Test support, not shipped code: random calls to every declared route of a service — right and
 * wrong credentials, real and made-up ids, valid, slightly wrong and broken bodies and queries.
 */
import fc from "fast-check";
import type { DeclaredRoute } from "../route-access.js";
import { bodyFor } from "./fuzz-bodies.test-support.js";
import { authFor, tokenFor } from "./fuzz-credentials.test-support.js";
import type { FuzzRequest, FuzzTarget } from "./fuzz-target.test-support.js";
import { hostileSegment, hostileText, hostileValue, mutated } from "./hostile-input.test-support.js";
import { arbitraryFor, type FieldValues, jsonSchemaOf } from "./json-schema-arbitrary.test-support.js";
import { encodeQuery, encodeSegment } from "./url-encoding.test-support.js";

export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

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

const language = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("en", "en-US,en;q=0.9", "vi", "*", "fr", "") },
);
