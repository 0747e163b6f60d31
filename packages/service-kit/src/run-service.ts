import type { FastifyInstance } from "fastify";

/**
 * Listens, announces `listening on http://HOST:PORT` on stdout (scripts and tests wait for this
 * line), and closes gracefully on SIGTERM or SIGINT: in-flight requests finish, then
 * `onClose` hooks (databases, timers) run, then the process exits.
 */
export async function runService(
  app: FastifyInstance,
  listen: { host: string; port: number },
): Promise<void> {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "stopping");
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, "unclean stop");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  await app.listen(listen);
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : listen.port;
  process.stdout.write(`listening on http://${listen.host}:${port}\n`);
}
