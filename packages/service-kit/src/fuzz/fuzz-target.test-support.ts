/**
 * Test support, not shipped code: what the contract fuzzer is told about a service, and the calls
 * it makes to it.
 */
import type fc from "fast-check";
import type { DeclaredRoute } from "../route-access.js";

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
