import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "./processes.mjs";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.mjs";

/** A cloud server, the shop's internet in front of it (a proxy a test cuts), and one station behind it. */
export interface CounterBehindInternet {
  readonly server: RunningProcess;
  readonly internet: TcpProxy;
  readonly station: RunningProcess;
  /** Stops the processes and the proxy, and removes their data. */
  stop(): Promise<void>;
}

/** `lanAddress`: the station is the shop's hub, telling the cloud it is reached there. */
export async function startCounterBehindInternet(
  name: string,
  options: { lanAddress?: string } = {},
): Promise<CounterBehindInternet> {
  const serverData = tempDir(`${name}-server`);
  const stationData = tempDir(`${name}-station`);
  const server = await startServer({ dataDir: serverData });
  const internet = await startTcpProxy({ targetPort: server.port });
  const station = await startStation({ serverUrl: internet.url, dataDir: stationData, ...options });
  return {
    server,
    internet,
    station,
    async stop() {
      await station.stop();
      await server.stop();
      await internet.close();
      removeDir(serverData);
      removeDir(stationData);
    },
  };
}
