import type { ChildProcess } from "node:child_process";

export const REPO_ROOT: string;
export const SERVER_BIN: string;
export const STATION_BIN: string;

export interface RunningProcess {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly pid: number | undefined;
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function tempDir(prefix: string): string;
export function removeDir(dir: string): void;
export function startProcess(
  bin: string,
  args: string[],
  options: { name: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<RunningProcess>;
export function startServer(options: {
  dataDir: string;
  port?: number;
  demo?: boolean;
}): Promise<RunningProcess>;
export function startStation(options: {
  serverUrl: string;
  dataDir: string;
  port?: number;
  store?: string;
  /** The shop's hub station's URL: the station is its spoke (`--hub`). */
  hub?: string;
  /** Bound for the shop's network (`--lan`), telling phones and the cloud this address (`--lan-address`). */
  lanAddress?: string;
}): Promise<RunningProcess>;
