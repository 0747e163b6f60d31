import type { HttpService } from "@quay/service-kit";
import { z } from "zod";
import type { SpokeLink } from "./spoke-link.js";

const HubLinkSchema = z.object({
  hub: z
    .object({
      hubUrl: z.string(),
      registered: z.boolean(),
      reachable: z.boolean(),
      owed: z.number().int().min(0),
    })
    .nullable(),
});

/** `GET /api/hub`: this counter's link to its shop's hub, or null when it has none (`--hub`). */
export function registerSpokeRoutes(app: HttpService, link: SpokeLink | undefined): void {
  app.get(
    "/api/hub",
    {
      config: { access: "signed-in" },
      schema: {
        summary:
          "This counter's link to the shop's hub: registered, reachable, ops the hub does not hold yet",
        response: { 200: HubLinkSchema },
      },
    },
    async () => ({ hub: link ? link.status() : null }),
  );
}
