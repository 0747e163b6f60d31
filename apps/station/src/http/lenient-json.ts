import type { HttpService } from "@quay/service-kit";

/**
 * Accepts an empty body sent as `application/json` (a browser `fetch` POST without a body) as
 * no body at all; anything else goes through Fastify's own safe JSON parser.
 */
export function acceptEmptyJsonBodies(app: HttpService): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
