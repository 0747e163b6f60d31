import type { FastifyBaseLogger } from "fastify";

/** The structured logger the station's parts write to (Fastify's pino instance). */
export type Logger = Pick<FastifyBaseLogger, "debug" | "info" | "warn" | "error">;
