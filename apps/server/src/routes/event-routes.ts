import { Id } from "@quay/protocol";
import { type HttpService, openEventStream } from "@quay/service-kit";
import { z } from "zod";
import { callerOf, callerStoreIds } from "../auth/request-auth.js";
import type { ServerContext } from "../server-context.js";

export function registerEventRoutes(app: HttpService, context: ServerContext): void {
  app.get(
    "/api/events",
    {
      // EventSource cannot send headers: the cookie, or a `token` query parameter, will do.
      config: { access: "signed-in", tokenInQuery: true },
      schema: {
        tags: ["live"],
        summary:
          "Server-Sent Events for browsers: `order` (the changed Order), `catalog` and `changed` ({storeId, cursor}: refetch)",
        querystring: z.object({ storeId: Id.optional(), token: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { storeId } = request.query;
      const storeIds = callerStoreIds(caller, storeId);
      const stream = openEventStream(request, reply);
      context.live.watchAsBrowser(storeIds, stream);
    },
  );
}
