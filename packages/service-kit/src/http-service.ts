import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { OrderRuleError } from "@quay/core";
import Fastify, { type FastifyError, type FastifyRequest, LogController } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { AppError, COMMON_ERRORS, type ErrorRegistry, type ErrorSubject, tryAgainText } from "./app-error.js";
import { closeEventStreams } from "./event-stream.js";
import { paceRequests } from "./request-pacing.js";
import { declarePublic, trackRouteAccess } from "./route-access.js";

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
}

/** The language of an answer: English when the caller asks for it, Vietnamese otherwise. */
export function answerLanguage(request: FastifyRequest): "vi" | "en" {
  return /^\s*en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "vi";
}

/**
 * A Fastify instance set up the Quầy way: zod schemas at the edge, errors as
 * `{ error: { code, message } }` from the registry, structured logs, OpenAPI at /docs.
 */
export async function createHttpService(options: HttpServiceOptions) {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? process.env.LOG_LEVEL ?? "info",
      redact: ["req.headers.authorization", "req.headers.cookie"],
    },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  trackRouteAccess(app);
  paceRequests(app);
  app.setValidatorCompiler(validatorCompiler);
  // Open SSE streams would keep `close()` waiting forever: end them when the service stops.
  app.addHook("preClose", async () => closeEventStreams(app.server));
  app.setSerializerCompiler(serializerCompiler);

  const registry: ErrorRegistry = { ...COMMON_ERRORS, ...options.errors };
  const answer = (
    request: FastifyRequest,
    code: string,
    about: ErrorSubject = {},
    retryAfterSeconds?: number,
  ) => {
    const definition = registry[code] ?? COMMON_ERRORS.INTERNAL;
    const language = answerLanguage(request);
    const wait = retryAfterSeconds === undefined ? "" : ` ${tryAgainText(retryAfterSeconds)[language]}`;
    return {
      status: definition.status,
      body: { error: { code, message: `${definition[language]}${wait}`, ...about } },
    };
  };

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
    else request.log.info({ code, detail: error.message, url: request.url }, "request refused");
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

/** Maps anything a route can throw to one of the registry's codes. */
function errorCode(error: FastifyError): string {
  if (error instanceof AppError) return error.code;
  // The contract answers an unknown line as any unknown thing: 404 NOT_FOUND.
  if (error instanceof OrderRuleError) return error.reason === "LINE_NOT_FOUND" ? "NOT_FOUND" : error.reason;
  if (hasZodFastifySchemaValidationErrors(error)) return "VALIDATION_FAILED";
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "BODY_TOO_LARGE";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "UNSUPPORTED_MEDIA_TYPE";
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_VALIDATION":
      return "VALIDATION_FAILED";
  }
  if (error.statusCode === 400 || (error as { type?: string }).type === "entity.parse.failed") {
    return "VALIDATION_FAILED";
  }
  return "INTERNAL";
}
