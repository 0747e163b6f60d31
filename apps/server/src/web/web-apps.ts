import { stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { HttpService } from "@quay/service-kit";
import { ServerError } from "../server-errors.js";

/** The browser apps the server hosts, under their URL prefix in the web build (`apps/web/dist`). */
const APPS = ["m", "admin"] as const;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the waiter app at `/m/` and the back office at `/admin/` from the web build, with
 * their shared `/assets/`. Paths without a file extension fall back to the app's index.html
 * (client-side routing). While the build is missing these paths answer 404 NOT_FOUND.
 */
export async function registerWebApps(app: HttpService, webDist: string | null): Promise<void> {
  const root = webDist === null ? "" : resolve(webDist);
  const exists =
    webDist !== null &&
    (await stat(webDist).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  if (exists) await app.register(fastifyStatic, { root, serve: false });

  /** A file of one folder of the build (an app, or the assets), never outside that folder. */
  const serve = async (folder: string, relative: string, fallbackIndex: boolean): Promise<string> => {
    if (!exists) throw new ServerError("NOT_FOUND", "the web apps are not built (npm run build)");
    const base = join(root, folder);
    const path = normalize(join(base, relative));
    if (path.startsWith(base + sep) && (await isFile(path))) return path.slice(root.length + 1);
    const index = join(folder, "index.html");
    if (fallbackIndex && extname(relative) === "" && (await isFile(join(root, index)))) return index;
    throw new ServerError("NOT_FOUND", `no web file ${folder}/${relative}`);
  };

  // The server's own front page is the back office.
  app.get("/", { config: { access: "public" }, schema: { hide: true } }, (_request, reply) =>
    reply.redirect("/admin/"),
  );
  for (const name of APPS) {
    app.get(`/${name}`, { config: { access: "public" }, schema: { hide: true } }, (_request, reply) =>
      reply.redirect(`/${name}/`),
    );
    app.get<{ Params: { "*": string } }>(
      `/${name}/*`,
      { config: { access: "public" }, schema: { hide: true } },
      async (request, reply) => {
        const relative = request.params["*"] || "index.html";
        const file = await serve(name, relative, true);
        if (file.endsWith("index.html")) reply.header("cache-control", "no-cache");
        return reply.sendFile(file, { cacheControl: false });
      },
    );
  }
  app.get<{ Params: { "*": string } }>(
    "/assets/*",
    { config: { access: "public" }, schema: { hide: true } },
    async (request, reply) => {
      const file = await serve("assets", request.params["*"], false);
      // Built assets carry a content hash in their names: they never change.
      reply.header("cache-control", "public, max-age=31536000, immutable");
      return reply.sendFile(file, { cacheControl: false });
    },
  );
}
