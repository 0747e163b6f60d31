import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the workspace packages' sources, not their last build.
    alias: {
      "@quay/core": source("./packages/core/src/index.ts"),
      "@quay/protocol": source("./packages/protocol/src/index.ts"),
      "@quay/auth": source("./packages/auth/src/index.ts"),
      // Test support of the service kit: the contract fuzzer (never built, never shipped).
      "@quay/service-kit/fuzz": source("./packages/service-kit/src/fuzz/index.test-support.ts"),
      "@quay/service-kit": source("./packages/service-kit/src/index.ts"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.{ts,tsx}", "apps/*/src/**/*.test.{ts,tsx}", "tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
