import { ErrorBody } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";

export function registerHealthRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        tags: ["health"],
        summary: "200 while the server and its database answer",
        response: { 200: z.object({ ok: z.literal(true), engine: z.string() }), 503: ErrorBody },
      },
    },
    async (request) => {
      try {
        await context.storage.ping();
      } catch (error) {
        request.log.error({ err: error }, "database does not answer");
        throw new ServerError("UNAVAILABLE", "database ping failed");
      }
      return { ok: true as const, engine: context.storage.engine };
    },
  );
}
