export type ProxyMode = "pass" | "refuse" | "reset" | "blackhole";

export interface TcpProxy {
  readonly port: number;
  readonly url: string;
  readonly mode: ProxyMode;
  retarget(port: number): void;
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

export function startTcpProxy(options: {
  targetPort: number;
  targetHost?: string;
  port?: number;
}): Promise<TcpProxy>;
