/**
 * Test support, not shipped code: runs random calls against a service in-process and checks the
 * outside contract (docs/api.md, "Errors") on every answer: never a 5xx; every refusal a 4xx of
 * `{ error: { code, message } }` with a registered code and that code's status; and a refused
 * call changes nothing stored (a digest of the database before and after).
 */
import { appendFileSync } from "node:fs";
import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { ErrorRegistry } from "../app-error.js";
import type { FuzzRequest } from "./fuzz-target.test-support.js";
import type { FuzzRequests } from "./route-cases.test-support.js";

/** What is stored, one hash per table (or part of one), as `digest` reads it. */
export type Digest = Readonly<Record<string, string>>;

/** One stretch of calls on a service started fresh from the same data. */
export interface FuzzSession {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Hashes of what is stored that a refused call must leave as it was. */
  digest(): Promise<Digest>;
  /** Every code the service may answer with, with its status. */
  readonly registry: ErrorRegistry;
  close(): Promise<void>;
}

export interface FuzzPlan {
  /** Names the service in the report. */
  readonly name: string;
  /** The seed of the whole run; each epoch draws its calls from `seed + epoch`. */
  readonly seed: number;
  readonly epochs: number;
  readonly callsPerEpoch: number;
  /** Starts the service on its seeded data, the same for every epoch. */
  start(epoch: number): Promise<FuzzSession>;
  readonly requests: FuzzRequests;
  /** Refusals whose status differs from the registry's on purpose (docs/api.md), as `ROUTE CODE STATUS`. */
  readonly statusExceptions?: readonly string[];
}

export interface FuzzReport {
  readonly calls: number;
  /** Distinct problems, each with the call that showed it (first few of each kind). */
  readonly problems: readonly string[];
  /** How often each route answered each status, for the log and for the coverage checks. */
  readonly statuses: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

/** The seed of this run: `FUZZ_SEED` to replay one, else a new one (printed with any failure). */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  return given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
}

/**
 * How many times more calls than the default to make: `FUZZ_SCALE=10` for a long local run
 * (`FUZZ_STATS_FILE=path` appends how each route answered, to see what the calls reach).
 */
export function fuzzScale(): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

const CODE = /^[A-Z][A-Z0-9_]*$/;
/** The members an error answer may have: `code` and `message`, and what a refusal is about. */
const ERROR_MEMBERS = new Set(["code", "message", "orderId", "opId"]);
const MAX_EXAMPLES_PER_PROBLEM = 2;

/** Runs the plan; the report lists every broken promise of the contract, none when all held. */
export async function fuzzService(plan: FuzzPlan): Promise<FuzzReport> {
  const problems = new Map<string, string[]>();
  const statuses = new Map<string, Map<number, number>>();
  let calls = 0;
  for (let epoch = 0; epoch < plan.epochs; epoch++) {
    // The first epoch begins with a call to each route: every route is called in every run.
    const sweep =
      epoch === 0
        ? plan.requests.eachRoute.flatMap((route) => fc.sample(route, { seed: plan.seed, numRuns: 1 }))
        : [];
    const requests = [
      ...sweep,
      ...fc.sample(plan.requests.anyRoute, { seed: plan.seed + epoch, numRuns: plan.callsPerEpoch }),
    ];
    const session = await plan.start(epoch);
    try {
      let before = await session.digest();
      for (const [index, request] of requests.entries()) {
        calls++;
        const answer = await call(session, request);
        const byStatus = statuses.get(request.route) ?? new Map<number, number>();
        byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        statuses.set(request.route, byStatus);

        const found = contractProblems(answer, session.registry, request, plan.statusExceptions ?? []);
        const after = await session.digest();
        const refused = answer.status >= 400;
        if (refused || request.changesNothing) {
          const changed = Object.keys({ ...before, ...after }).filter(
            (table) => before[table] !== after[table],
          );
          if (changed.length > 0)
            found.push(`${refused ? "a refused" : "a replayed"} call changed ${changed.join(", ")}`);
        }
        before = after;
        for (const problem of found) {
          const key = `${request.route}: ${problem.replace(/\d+/g, "N")}`;
          const examples = problems.get(key) ?? [];
          if (examples.length < MAX_EXAMPLES_PER_PROBLEM) {
            examples.push(describe(plan, epoch, index, request, answer, problem));
          }
          problems.set(key, examples);
        }
      }
    } finally {
      await session.close();
    }
  }
  const statsFile = process.env.FUZZ_STATS_FILE;
  if (statsFile) {
    const table = Object.fromEntries(
      [...statuses].map(([route, counts]) => [route, Object.fromEntries(counts)]),
    );
    appendFileSync(
      statsFile,
      `${JSON.stringify({ name: plan.name, seed: plan.seed, calls, statuses: table })}\n`,
    );
  }
  return { calls, problems: [...problems.values()].flat(), statuses };
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Makes one call; an event stream that opens is an answer too (its first bytes are enough). */
async function call(session: FuzzSession, request: FuzzRequest): Promise<Answer> {
  const response = await session.inject({
    method: request.method as InjectOptions["method"] & string,
    url: request.url,
    headers: { ...request.headers },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    payloadAsStream: true,
  });
  const contentType = String(response.headers["content-type"] ?? "");
  const stream = response.stream();
  if (contentType.startsWith("text/event-stream")) {
    // The stream lives until the service closes; the session closes it at the end of the epoch.
    return { status: response.statusCode, contentType, body: "" };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return { status: response.statusCode, contentType, body: Buffer.concat(chunks).toString("utf8") };
}

/** How an answer breaks the contract, if it does. */
export function contractProblems(
  answer: Answer,
  registry: ErrorRegistry,
  request: Pick<FuzzRequest, "method" | "route">,
  statusExceptions: readonly string[],
): string[] {
  if (answer.status >= 500) return [`answered ${answer.status}`];
  if (answer.status < 400) return [];
  if (!answer.contentType.startsWith("application/json")) {
    return [`answered ${answer.status} as ${answer.contentType || "no content type"}, not JSON`];
  }
  if (request.method === "HEAD") return []; // the answer of a GET, without its body
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [`answered ${answer.status} with a body that is not JSON`];
  }
  const error = (body as { error?: unknown } | null)?.error as
    | { code?: unknown; message?: unknown; orderId?: unknown; opId?: unknown }
    | undefined;
  const shaped =
    body !== null &&
    typeof body === "object" &&
    Object.keys(body).length === 1 &&
    error !== null &&
    typeof error === "object" &&
    Object.keys(error).every((key) => ERROR_MEMBERS.has(key)) &&
    // A refused push may name the order and op at fault (protocol's `ErrorBody`).
    [error.orderId, error.opId].every((id) => id === undefined || typeof id === "string") &&
    typeof error.code === "string" &&
    CODE.test(error.code) &&
    typeof error.message === "string" &&
    error.message.trim() !== "";
  if (!shaped || typeof error?.code !== "string")
    return [`answered ${answer.status} outside the error shape`];
  const definition = Object.hasOwn(registry, error.code) ? registry[error.code] : undefined;
  if (!definition) return [`answered the unregistered code ${error.code}`];
  if (
    definition.status !== answer.status &&
    !statusExceptions.includes(`${request.route} ${error.code} ${answer.status}`)
  ) {
    return [`answered ${error.code} with ${answer.status}, registered as ${definition.status}`];
  }
  return [];
}

function describe(
  plan: FuzzPlan,
  epoch: number,
  index: number,
  request: FuzzRequest,
  answer: Answer,
  problem: string,
): string {
  const payload =
    request.payload === undefined ? "" : ` body ${JSON.stringify(excerpt(request.payload.toString("utf8")))}`;
  return [
    `${plan.name} (FUZZ_SEED=${plan.seed}, epoch ${epoch}, call ${index}): ${problem}`,
    `  ${request.method} ${excerpt(request.url)} — ${request.label}`,
    `  headers ${JSON.stringify(request.headers, (key, value) => (key === "authorization" || key === "cookie" ? excerpt(String(value), 24) : value))}${payload}`,
    `  answer ${answer.status} ${excerpt(answer.body)}`,
  ].join("\n");
}

const excerpt = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}…(${text.length})` : text;
