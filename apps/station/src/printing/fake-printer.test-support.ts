import { createServer, type Server, type Socket } from "node:net";
import CodepageEncoder from "@point-of-sale/codepage-encoder";
import { TCVN3_CODEPAGE_MAPPING } from "./tcvn3-codepages.js";

/** One job as the printer received it (one connection's bytes), decoded. */
export interface ReceivedJob {
  readonly bytes: Buffer;
  /** The text in the code pages the job switched to, lines joined by "\n". */
  readonly text: string;
  /** The raster images it carried (width × height in dots). */
  readonly images: { width: number; height: number }[];
  readonly cut: boolean;
  /** The `ESC t` numbers it used. */
  readonly codepages: number[];
}

const pageTables = new Map<number, number[]>(
  Object.entries(TCVN3_CODEPAGE_MAPPING).map(([name, number]) => [
    number,
    CodepageEncoder.getCodepoints(name as Parameters<typeof CodepageEncoder.getCodepoints>[0], true),
  ]),
);

/** Commands the encoder writes, by their first two bytes: how many bytes each takes in all. */
const COMMAND_LENGTHS = new Map<string, number>([
  ["1b40", 2], // ESC @ initialise
  ["1c2e", 2], // FS . Chinese mode off
  ["1b32", 2], // ESC 2 default line spacing
  ["1b4d", 3], // ESC M font
  ["1b61", 3], // ESC a align
  ["1b45", 3], // ESC E bold
  ["1b21", 3], // ESC ! print mode
  ["1d21", 3], // GS ! size
  ["1b2d", 3], // ESC - underline
  ["1b33", 3], // ESC 3 line spacing
  ["1b64", 3], // ESC d feed
  ["1d42", 3], // GS B invert
  ["1b34", 3], // ESC 4 italic
]);

/**
 * Reads an ESC/POS job back as a printer would: text through the code page `ESC t` chose last
 * (U+00D0 read back as "Đ", which TCVN-3 prints there), raster images by their size, the cut.
 */
export function decodeJob(bytes: Buffer): ReceivedJob {
  let page = 0;
  let text = "";
  let cut = false;
  const images: { width: number; height: number }[] = [];
  const codepages: number[] = [];
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index] ?? 0;
    if (byte === 0x1b || byte === 0x1c || byte === 0x1d) {
      const key = bytes.subarray(index, index + 2).toString("hex");
      if (key === "1b74") {
        page = bytes[index + 2] ?? 0;
        codepages.push(page);
        index += 3;
      } else if (key === "1d56") {
        cut = true;
        index += 3;
      } else if (key === "1d76") {
        const widthBytes = (bytes[index + 4] ?? 0) + 256 * (bytes[index + 5] ?? 0);
        const height = (bytes[index + 6] ?? 0) + 256 * (bytes[index + 7] ?? 0);
        images.push({ width: widthBytes * 8, height });
        index += 8 + widthBytes * height;
      } else {
        const length = COMMAND_LENGTHS.get(key);
        if (length === undefined) throw new Error(`unknown ESC/POS command ${key} at ${index}`);
        index += length;
      }
      continue;
    }
    if (byte === 0x0a) text += "\n";
    else if (byte !== 0x0d) {
      const table = pageTables.get(page);
      const codepoint = byte < 0x80 ? byte : (table?.[byte] ?? 0xfffd);
      text += String.fromCodePoint(codepoint);
    }
    index++;
  }
  // Raster images are stacked in chunks of at most 255 rows: report each image once, whole.
  const merged = images.reduce<{ width: number; height: number }[]>((all, image) => {
    const last = all.at(-1);
    if (last && last.width === image.width) last.height += image.height;
    else all.push({ ...image });
    return all;
  }, []);
  return { bytes, text: text.replaceAll("\u00d0", "Đ"), images: merged, cut, codepages };
}

/**
 * A raw ESC/POS printer on a loopback port: each connection is one job, taken when the sender
 * closes its end. `hold` makes it keep the connection open afterwards (a printer that never
 * acknowledges); `stop` and `start` take it off the network and back, on the same port.
 */
export async function startFakePrinter(options: { hold?: boolean; port?: number } = {}) {
  const jobs: ReceivedJob[] = [];
  const sockets = new Set<Socket>();
  let hold = options.hold ?? false;
  let server: Server | null = null;
  let port = options.port ?? 0;
  const received: ((job: ReceivedJob) => void)[] = [];

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const listening = createServer({ allowHalfOpen: true }, (socket) => {
        sockets.add(socket);
        const chunks: Buffer[] = [];
        socket.on("data", (chunk: Buffer) => chunks.push(chunk));
        socket.on("end", () => {
          const job = decodeJob(Buffer.concat(chunks));
          jobs.push(job);
          for (const listener of received) listener(job);
          if (!hold) socket.end();
        });
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => undefined);
      });
      listening.once("error", reject);
      listening.listen(port, "127.0.0.1", () => {
        const address = listening.address();
        if (address && typeof address === "object") port = address.port;
        server = listening;
        resolve();
      });
    });

  await start();
  return {
    jobs,
    get port() {
      return port;
    },
    get address() {
      return `tcp://127.0.0.1:${port}`;
    },
    /** Resolves when the printer holds `count` jobs. */
    waitForJobs(count: number, timeoutMs = 5_000): Promise<ReceivedJob[]> {
      return new Promise((resolve, reject) => {
        if (jobs.length >= count) return resolve(jobs.slice());
        const timer = setTimeout(
          () => reject(new Error(`the printer got ${jobs.length} jobs, not ${count}`)),
          timeoutMs,
        );
        received.push(() => {
          if (jobs.length < count) return;
          clearTimeout(timer);
          resolve(jobs.slice());
        });
      });
    },
    setHold(value: boolean) {
      hold = value;
    },
    start,
    /** Stops listening and drops every connection: the printer is off. */
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
  };
}

export type FakePrinter = Awaited<ReturnType<typeof startFakePrinter>>;
