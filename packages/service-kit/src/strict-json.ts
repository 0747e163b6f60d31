import { isUtf8 } from "node:buffer";
import type { FastifyInstance } from "fastify";

/** A body whose text cannot be stored as sent: not UTF-8, or a string with an unpaired surrogate. */
export class InvalidTextError extends Error {
  override readonly name = "InvalidTextError";
  /** Fastify answers a body parser's error with this status (400: VALIDATION_FAILED). */
  readonly statusCode = 400;
}

/** `\ud800`–`\udfff` written as an escape: the only way an unpaired surrogate gets into valid JSON. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasUnpairedSurrogate(value: unknown): boolean {
  if (typeof value === "string") return UNPAIRED_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasUnpairedSurrogate);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).some(
      ([key, member]) => UNPAIRED_SURROGATE.test(key) || hasUnpairedSurrogate(member),
    );
  }
  return false;
}

/**
 * Reads JSON bodies as bytes and refuses any that is not UTF-8, or that holds a string with an
 * unpaired surrogate (`"\ud800"`): decoding either would store U+FFFD in place of what the
 * client sent. Fastify's own parser does the rest (`__proto__` and `constructor` keys refused).
 * With `emptyAsNoBody`, an empty body is no body (a browser `fetch` POST without one).
 */
export function parseJsonStrictly(app: FastifyInstance, { emptyAsNoBody = false } = {}): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    if (!isUtf8(bytes)) {
      done(new InvalidTextError("the body is not UTF-8"), undefined);
      return;
    }
    const text = bytes.toString("utf8");
    if (emptyAsNoBody && text.trim() === "") {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, (error, value) => {
      if (error) done(error, undefined);
      else if (SURROGATE_ESCAPE.test(text) && hasUnpairedSurrogate(value)) {
        done(new InvalidTextError("the body holds an unpaired surrogate"), undefined);
      } else done(null, value);
    });
  });
}
