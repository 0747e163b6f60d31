import { ErrorBody, Id, ItemSchema, SoldOutToggleSchema } from "@quay/protocol";
import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { SoldOutService } from "../selling/sold-out-service.js";
import { sessionOf } from "./request-session.js";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * "Hết món" at the counter (docs/api.md): the same call as on the cloud, answered from the
 * station's own catalog at once, offline too; the toggle reaches the cloud (and the hub) by sync.
 */
export function registerSoldOutRoutes(app: HttpService, deps: { soldOut: SoldOutService }): void {
  app.post(
    "/api/items/:id/sold-out",
    {
      config: { access: { permission: "items.soldOut" } },
      schema: {
        summary: 'Mark a menu item sold out ("hết món") or back on sale at this counter; answers the item',
        params: z.object({ id: Id }),
        body: SoldOutToggleSchema,
        response: { 200: ItemSchema, ...refusals },
      },
    },
    async (request) => {
      const { user } = sessionOf(request);
      return deps.soldOut.toggle(user.id, request.params.id, request.body.soldOut);
    },
  );
}
