import net from "node:net";

/**
 * A real TCP proxy to put between a station and its server, whose link can be switched:
 * - `pass`: bytes flow both ways;
 * - `refuse`: the listening socket is closed (connections are refused) and open ones reset;
 * - `reset`: connections are accepted and reset at once, open ones too;
 * - `blackhole`: connections are accepted and nothing ever comes back (open ones go silent).
 * @param {{ targetPort: number, targetHost?: string, port?: number }} options
 */
export async function startTcpProxy({ targetPort, targetHost = "127.0.0.1", port = 0 }) {
  /** @type {"pass" | "refuse" | "reset" | "blackhole"} */
  let mode = "pass";
  let target = targetPort;
  /** @type {Set<{ client: net.Socket, upstream: net.Socket | null, holed: boolean }>} */
  const connections = new Set();
  const server = net.createServer((client) => accept(client));
  let listening = false;

  function accept(client) {
    client.on("error", () => {});
    if (mode === "reset") {
      client.resetAndDestroy();
      return;
    }
    const connection = {
      client,
      upstream: /** @type {net.Socket | null} */ (null),
      holed: mode === "blackhole",
    };
    connections.add(connection);
    const forget = () => {
      connections.delete(connection);
      client.destroy();
      connection.upstream?.destroy();
    };
    client.on("close", forget);
    if (connection.holed) return;
    const upstream = net.connect(target, targetHost);
    connection.upstream = upstream;
    upstream.on("error", () => client.resetAndDestroy());
    upstream.on("close", forget);
    client.on("data", (chunk) => {
      if (!connection.holed) upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      if (!connection.holed) client.write(chunk);
    });
    client.on("end", () => {
      if (!connection.holed) upstream.end();
    });
    upstream.on("end", () => {
      if (!connection.holed) client.end();
    });
  }

  function listen() {
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        listening = true;
        port = /** @type {net.AddressInfo} */ (server.address()).port;
        resolve(undefined);
      });
    });
  }

  function resetAll() {
    for (const { client, upstream } of connections) {
      client.resetAndDestroy();
      upstream?.destroy();
    }
    connections.clear();
  }

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get mode() {
      return mode;
    },
    /** Points the proxy at another port (a restarted server). */
    retarget(newPort) {
      target = newPort;
    },
    /** @param {"pass" | "refuse" | "reset" | "blackhole"} next */
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === "blackhole") {
        for (const connection of connections) connection.holed = true;
      } else {
        resetAll(); // a black-holed stream cannot be resumed; other modes cut the link anyway
      }
      if (next === "refuse" && listening) {
        listening = false;
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      } else if (previous === "refuse" && !listening) {
        await listen();
      }
    },
    async close() {
      mode = "reset";
      resetAll();
      if (listening) await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
