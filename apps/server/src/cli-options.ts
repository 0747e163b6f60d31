import { resolve } from "node:path";
import { parseArgs } from "node:util";

export interface CliOptions {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly demo: boolean;
}

export const USAGE = "usage: quay-server [--host H] [--port P] [--data DIR] [--demo]";

/** `quay-server [--host H] [--port P] [--data DIR] [--demo]` (docs/api.md, "Commands"). */
export function parseCliOptions(args: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "8080" },
      data: { type: "string", default: "./data/server" },
      demo: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0–65535: ${values.port}`);
  return { host: values.host, port, dataDir: resolve(values.data), demo: values.demo };
}
