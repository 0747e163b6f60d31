import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

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

/** Where `npm run dev -w @quay/web` forwards API calls: a station running locally. */
const apiTarget = process.env.QUAY_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The pure core is compiled with the app from its sources: no stale dist, full tree-shaking.
    alias: { "@quay/core": here("../../packages/core/src/index.ts") },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: { input: pages },
  },
  server: { proxy: { "/api": { target: apiTarget } } },
  preview: { proxy: { "/api": { target: apiTarget } } },
});
