import { STATUS_CODES } from "node:http";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { OrderRuleError } from "@quay/core";
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest, LogController } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { AppError, COMMON_ERRORS, type ErrorRegistry, type ErrorSubject, tryAgainText } from "./app-error.js";
import { addBodyDeadline, BodyTimeoutError } from "./body-deadline.js";
import { closeEventStreams } from "./event-stream.js";
import { withoutSecrets } from "./log-redaction.js";
import { paceRequests } from "./request-pacing.js";
import { declarePublic, trackRouteAccess } from "./route-access.js";
import { InvalidTextError, parseJsonStrictly } from "./strict-json.js";

export interface HttpServiceOptions {
  /** Shown in the OpenAPI reference at /docs. */
  title: string;
  version: string;
  /** This service's errors: the common ones plus its own. */
  errors: ErrorRegistry;
  /** Pino log level; "silent" in tests. */
  logLevel?: string;
  /** Largest request body, bytes (docs/api.md, "Conventions": 1 MiB; sync routes set their own). */
  bodyLimit?: number;
  /** How long a body of up to `bodyLimit` may take to arrive (30 s); routes taking more get longer. */
  bodyTimeoutMs?: number;
  /** Takes an empty body sent as JSON as no body (what a browser `fetch` POST without one sends). */
  emptyJsonAsNoBody?: boolean;
  /** Where the log goes (stdout by default); tests read it. */
  logStream?: { write(line: string): void };
}

/** Connections silent this long are closed; event streams send a comment every 15 s. */
const IDLE_CONNECTION_MS = 10 * 60 * 1000;

/** The language of an answer: English when the caller asks for it, Vietnamese otherwise. */
export function answerLanguage(request: FastifyRequest): "vi" | "en" {
  return /^\s*en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "vi";
}

/**
 * A Fastify instance set up the Quầy way: zod schemas at the edge, errors as
 * `{ error: { code, message } }` from the registry, structured logs, OpenAPI at /docs.
 */
export async function createHttpService(options: HttpServiceOptions) {
  const registry: ErrorRegistry = { ...COMMON_ERRORS, ...options.errors };
  const answer = (
    // None before Node's parser has made a request of the bytes (`clientErrorHandler`): Vietnamese.
    request: FastifyRequest | null,
    code: string,
    about: ErrorSubject = {},
    retryAfterSeconds?: number,
  ) => {
    const definition = registry[code] ?? COMMON_ERRORS.INTERNAL;
    const language = request ? answerLanguage(request) : "vi";
    const wait = retryAfterSeconds === undefined ? "" : ` ${tryAgainText(retryAfterSeconds)[language]}`;
    return {
      status: definition.status,
      body: { error: { code, message: `${definition[language]}${wait}`, ...about } },
    };
  };
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;

  const app = Fastify({
    logger: {
      level: options.logLevel ?? process.env.LOG_LEVEL ?? "info",
      redact: ["req.headers.authorization", "req.headers.cookie"],
      serializers: {
        req: (request: FastifyRequest) => ({ method: request.method, url: withoutSecrets(request.url) }),
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit,
    connectionTimeout: IDLE_CONNECTION_MS,
    logController: new LogController({ disableRequestLogging: true }),
    // What Fastify refuses before any route runs, answered like every other refusal.
    frameworkErrors: (error, request, reply) => {
      const code =
        error.code === "FST_ERR_MAX_PARAM_LENGTH"
          ? "URI_TOO_LONG"
          : error.code === "FST_ERR_BAD_URL"
            ? "VALIDATION_FAILED"
            : "INTERNAL";
      const { status, body } = answer(request, code);
      request.log.info({ code, url: withoutSecrets(request.url) }, "request refused");
      // The reply's generic types are the framework's own here; it is an ordinary reply.
      void (reply as FastifyReply).status(status).send(body);
    },
    // What Node's HTTP parser refuses, before there is a request: headers too large, bad syntax.
    clientErrorHandler: (error, socket) => {
      if (error.code === "ECONNRESET" || socket.destroyed) return;
      const code =
        error.code === "HPE_HEADER_OVERFLOW"
          ? "HEADERS_TOO_LARGE"
          : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
            ? "REQUEST_TIMEOUT"
            : "VALIDATION_FAILED";
      const { status, body } = answer(null, code);
      const text = JSON.stringify(body);
      if (socket.writable) {
        socket.write(
          `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nContent-Type: application/json; charset=utf-8\r\n` +
            `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
        );
      }
      socket.destroy();
    },
  }).withTypeProvider<ZodTypeProvider>();
  trackRouteAccess(app);
  paceRequests(app);
  parseJsonStrictly(app, { emptyAsNoBody: options.emptyJsonAsNoBody ?? false });
  addBodyDeadline(app, options.bodyTimeoutMs ?? 30_000, bodyLimit);
  app.setValidatorCompiler(validatorCompiler);
  // Open SSE streams would keep `close()` waiting forever: end them when the service stops.
  app.addHook("preClose", async () => closeEventStreams(app.server));
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const thrown = errorCode(error);
    // Clients branch on codes: one missing from the registry is a bug here, not news for them.
    const code = Object.hasOwn(registry, thrown) ? thrown : "INTERNAL";
    const own = code === thrown && error instanceof AppError ? error : undefined;
    const retryAfter = own?.retryAfterSeconds;
    const { status, body } = answer(request, code, own?.about, retryAfter);
    if (retryAfter !== undefined) reply.header("retry-after", String(Math.max(1, Math.ceil(retryAfter))));
    if (code !== thrown) request.log.error({ err: error, code: thrown }, "error code not in the registry");
    else if (status >= 500) request.log.error({ err: error }, "request failed");
    else {
      const detail = withoutSecrets(error.message);
      request.log.info({ code, detail, url: withoutSecrets(request.url) }, "request refused");
    }
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = answer(request, "NOT_FOUND");
    return reply.status(status).send(body);
  });

  await app.register(fastifySwagger, {
    openapi: { info: { title: options.title, version: options.version } },
    transform: jsonSchemaTransform,
  });
  // The reference is public: the routes' schemas are the contract (docs/api.md).
  await app.register(async (docs) => {
    declarePublic(docs);
    await docs.register(fastifySwaggerUi, { routePrefix: "/docs" });
  });
  return app;
}

export type HttpService = Awaited<ReturnType<typeof createHttpService>>;

/** The common code for each 4xx status a framework or plugin error (`FST_…`) may carry. */
const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  408: "REQUEST_TIMEOUT",
  413: "BODY_TOO_LARGE",
  414: "URI_TOO_LONG",
  415: "UNSUPPORTED_MEDIA_TYPE",
  431: "HEADERS_TOO_LARGE",
};

/** Maps anything a route can throw to one of the registry's codes. */
function errorCode(error: FastifyError): string {
  if (error instanceof AppError) return error.code;
  if (error instanceof BodyTimeoutError) return "REQUEST_TIMEOUT";
  if (error instanceof InvalidTextError) return "VALIDATION_FAILED";
  // The contract answers an unknown line as any unknown thing: 404 NOT_FOUND.
  if (error instanceof OrderRuleError) return error.reason === "LINE_NOT_FOUND" ? "NOT_FOUND" : error.reason;
  if (hasZodFastifySchemaValidationErrors(error)) return "VALIDATION_FAILED";
  // Fastify's and its plugins' refusals (a bad body, a static file name too long): their status.
  const byStatus = error.statusCode === undefined ? undefined : CODE_OF_STATUS[error.statusCode];
  if (byStatus) return byStatus;
  if ((error as { type?: string }).type === "entity.parse.failed") return "VALIDATION_FAILED";
  return "INTERNAL";
}
