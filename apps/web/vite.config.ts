import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One HTML entry per browser app. The cashier app is served by the station at `/`; the waiter
 * app (`m/index.html` + `src/waiter/**`), the back office (`admin/index.html` + `src/admin/**`)
 * and the kitchen screen the station serves (`kitchen/index.html` + `src/kitchen/**`) join by
 * adding their line here.
 */
const pages: Record<string, string> = {
  cashier: here("./index.html"),
  waiter: here("./m/index.html"),
  admin: here("./admin/index.html"),
  kitchen: here("./kitchen/index.html"),
};

/**
 * The head every page shares, put in at build and in dev so the pages hold only what is their own
 * (title, icon, the waiter's manifest). A page that needs another viewport (the waiter's phone
 * screen under the notch) declares its own, and this one is left out.
 */
function sharedHead(): Plugin {
  const meta = (attrs: Record<string, string>): HtmlTagDescriptor => ({
    tag: "meta",
    attrs,
    injectTo: "head-prepend",
  });
  return {
    name: "quay-shared-head",
    transformIndexHtml: (html) => [
      meta({ charset: "UTF-8" }),
      ...(html.includes('name="viewport"')
        ? []
        : [meta({ name: "viewport", content: "width=device-width, initial-scale=1" })]),
      meta({ name: "theme-color", content: "#5b3a29" }),
    ],
  };
}

/** Where `npm run dev -w @quay/web` forwards API calls: a station running locally. */
const apiTarget = process.env.QUAY_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react(), sharedHead()],
  resolve: {
    // The pure core is compiled with the app from its sources: no stale dist, full tree-shaking.
    alias: { "@quay/core": here("../../packages/core/src/index.ts") },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: { input: pages },
    // The Excel writer (exceljs, ~930 kB) is its own chunk, loaded only when a report is exported.
    chunkSizeWarningLimit: 1_000,
  },
  server: { proxy: { "/api": { target: apiTarget } } },
  preview: { proxy: { "/api": { target: apiTarget } } },
});
