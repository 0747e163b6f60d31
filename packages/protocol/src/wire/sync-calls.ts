import type { Permission } from "@quay/core";
import { ErrorBody } from "./error.js";
import { PullQuerySchema, PullResponseSchema } from "./pull.js";
import { MAX_PUSH_BYTES, PushRequestSchema, PushResponseSchema } from "./push.js";
import { RegisterStationRequestSchema, RegisterStationResponseSchema } from "./register.js";
import { SoldOutRequestSchema, SoldOutResponseSchema } from "./sold-out.js";
import { MIN_SUPPORTED_PROTOCOL, PROTOCOL_VERSION, protocolRefusal } from "./version.js";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };

/**
 * The sync wire's calls as every side of it declares them: path, who may call (the shape of
 * a route's `config.access`), request and answer schemas, body limit. The cloud
 * (`apps/server/src/routes/sync-routes.ts`) and a shop's hub (`apps/station/src/hub/hub-routes.ts`)
 * serve them from here, so that a spoke speaks to its hub exactly as to the cloud; each adds its
 * own tags and summaries. Plain data, not a schema: the wire's fingerprint does not see it.
 */
export const SYNC_CALLS = {
  register: {
    url: "/api/sync/register",
    access: { permission: "stations.register" satisfies Permission },
    schema: {
      body: RegisterStationRequestSchema,
      response: { 200: RegisterStationResponseSchema, 404: ErrorBody, ...refusals },
    },
  },
  push: {
    url: "/api/sync/push",
    bodyLimit: MAX_PUSH_BYTES,
    access: "device",
    schema: { body: PushRequestSchema, response: { 200: PushResponseSchema, 413: ErrorBody, ...refusals } },
  },
  pull: {
    url: "/api/sync/pull",
    access: "device",
    schema: { querystring: PullQuerySchema, response: { 200: PullResponseSchema, ...refusals } },
  },
  /** A station's sold-out toggles (since version 15): applied latest-first, answered with the head. */
  soldOut: {
    url: "/api/sync/sold-out",
    access: "device",
    schema: { body: SoldOutRequestSchema, response: { 200: SoldOutResponseSchema, ...refusals } },
  },
  /** Server-Sent Events: `changed {cursor}` whenever the caller's store moves. */
  events: { url: "/api/sync/events", access: "device", schema: {} },
} as const;

type SyncCall = (typeof SYNC_CALLS)[keyof typeof SYNC_CALLS];

/**
 * A sync call's route options as a service registers them (`app.post(call.url, syncRoute(call, …))`):
 * its body limit, `config.access` and schemas, with the service's own tags and summary for its
 * OpenAPI page.
 */
export function syncRoute<Call extends SyncCall>(call: Call, doc: { tags: string[]; summary: string }) {
  return {
    ...("bodyLimit" in call ? { bodyLimit: call.bodyLimit } : {}),
    config: { access: call.access },
    schema: { ...call.schema, ...doc } as Call["schema"] & typeof doc,
  };
}

/**
 * Why a caller speaking `version` is refused, for the error a receiver throws: `null` when the
 * version is in the range accepted, else the code saying which side is too old and a message
 * naming both (`caller` and `receiver` say who they are: "station" and "server", "spoke" and "hub").
 */
export function protocolMismatch(
  version: number,
  caller: string,
  receiver: string,
): { code: NonNullable<ReturnType<typeof protocolRefusal>>; message: string } | null {
  const code = protocolRefusal(version);
  if (code === null) return null;
  return {
    code,
    message: `${caller} speaks ${version}, ${receiver} ${MIN_SUPPORTED_PROTOCOL}–${PROTOCOL_VERSION}`,
  };
}
