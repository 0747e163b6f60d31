import type { HttpService } from "@quay/service-kit";

/**
 * Adds `Server-Timing: app;dur=<ms>` to every answer: how long the station itself took, so a
 * client (or the benchmark) can tell the station's time from the network's and its own.
 */
export function addServerTiming(app: HttpService): void {
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("server-timing", `app;dur=${reply.elapsedTime.toFixed(2)}`);
    return payload;
  });
}
