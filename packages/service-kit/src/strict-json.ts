import { isUtf8 } from "node:buffer";
import type { FastifyInstance } from "fastify";

/** A body whose text cannot be stored as sent: not UTF-8, an unpaired surrogate, U+0000. */
export class InvalidTextError extends Error {
  override readonly name = "InvalidTextError";
  /** Fastify answers a body parser's error with this status (400: VALIDATION_FAILED). */
  readonly statusCode = 400;
}

/**
 * `\u0000` or `\ud800`–`\udfff` written as an escape: the only ways U+0000 or an unpaired
 * surrogate get into valid JSON (raw control characters are not JSON), so only a body holding
 * one is searched.
 */
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** U+0000 (PostgreSQL's text cannot hold it), or a surrogate without its pair (UTF-8 cannot). */
const unstorable = (text: string) => text.includes("\0") || UNPAIRED_SURROGATE.test(text);

function hasUnstorableText(value: unknown): boolean {
  if (typeof value === "string") return unstorable(value);
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).some(([key, member]) => unstorable(key) || hasUnstorableText(member));
  }
  return false;
}

/**
 * Reads JSON bodies as bytes and refuses any that is not UTF-8, or that holds a string with an
 * unpaired surrogate (`"\ud800"`): decoding either would store U+FFFD in place of what the
 * client sent. A string holding U+0000 is refused too: PostgreSQL cannot store it, so one
 * engine would keep it and the other fail. Fastify's own parser does the rest (`__proto__` and
 * `constructor` keys refused).
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
      else if (SUSPECT_ESCAPE.test(text) && hasUnstorableText(value)) {
        done(new InvalidTextError("the body holds U+0000 or an unpaired surrogate"), undefined);
      } else done(null, value);
    });
  });
}
