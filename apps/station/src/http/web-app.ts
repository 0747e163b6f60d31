import { existsSync, statSync } from "node:fs";
import { join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { HttpService } from "@quay/service-kit";
import { StationError } from "../errors.js";

/** Where the cashier web app is built (apps/web/dist), relative to this module in src/ or dist/. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../../web/dist", import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Quầy</title></head>
<body style="font-family: sans-serif; margin: 3rem">
<h1>Quầy — máy bán hàng</h1>
<p>Ứng dụng thu ngân chưa được build. Chạy <code>npm run build</code> rồi tải lại trang.</p>
<p lang="en">The cashier app is not built yet: run <code>npm run build</code> and reload. The API is at <a href="/docs">/docs</a>.</p>
</body></html>`;

/**
 * Serves the cashier app at `/` and, for phones and tablets on the shop's Wi-Fi, the waiter app at
 * `/m/` and the kitchen and bar screen at `/kitchen/`:
 * their files, and the app's `index.html` for any other non-API path (the app routes in the
 * browser). Without a build, a plain page says so.
 */
export async function registerWebApp(app: HttpService, webRoot: string = DEFAULT_WEB_ROOT) {
  const root = resolve(webRoot);
  const built = existsSync(join(root, "index.html"));
  if (built) await app.register(fastifyStatic, { root, serve: false });

  app.get("/*", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split("?")[0] ?? "/");
    if (path.startsWith("/api/") || path === "/api") throw new StationError("NOT_FOUND");
    if (!built) return reply.type("text/html; charset=utf-8").send(NOT_BUILT_PAGE);
    const relative = normalize(path).replace(/^[/\\]+/, "");
    const file = resolve(root, relative);
    if (relative && file.startsWith(root + sep) && isFile(file)) {
      const immutable = relative.startsWith(`assets${sep}`);
      return reply.sendFile(relative, { maxAge: immutable ? 31_536_000_000 : 0, immutable });
    }
    // A missing file (a path with an extension, e.g. an old asset) is a 404, not the app.
    if (/\.[a-z0-9]+$/i.test(relative)) throw new StationError("NOT_FOUND");
    reply.header("cache-control", "no-cache");
    return reply.sendFile(appPage(relative));
  });
}

/** The page of the app a path belongs to: the waiter's at `/m/`, the kitchen screen's at `/kitchen/`, else the cashier's. */
function appPage(relative: string): string {
  if (/^m(\/|$)/.test(relative)) return "m/index.html";
  if (/^kitchen(\/|$)/.test(relative)) return "kitchen/index.html";
  return "index.html";
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
