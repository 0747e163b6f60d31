import { connect } from "node:net";

/** Why a job did not reach the printer, and whether some of it may be on paper. */
export class PrinterJobError extends Error {
  override readonly name = "PrinterJobError";
  constructor(
    /** A stable code: the socket's (ECONNREFUSED, ECONNRESET, …), or TIMEOUT. */
    readonly reason: string,
    /** Bytes went out before it failed: the paper may hold part of the ticket. */
    readonly mayHavePrinted: boolean,
  ) {
    super(`printer job failed: ${reason}`);
  }
}

/** How long a job may take: to connect, and from the last byte to the printer's close. */
export interface JobTimeouts {
  readonly connectMs: number;
  readonly closeMs: number;
}

export const DEFAULT_JOB_TIMEOUTS: JobTimeouts = { connectMs: 3_000, closeMs: 10_000 };

/** `tcp://HOST[:PORT]` (9100 unless given). */
export function parsePrinterAddress(address: string): { host: string; port: number } {
  const url = new URL(address);
  return { host: url.hostname, port: url.port === "" ? 9100 : Number(url.port) };
}

/**
 * Sends one job to a raw ESC/POS printer and resolves once the printer has taken it: every byte
 * flushed, our end closed, and the printer's end closed in turn without an error. Anything else
 * (refused, reset, no answer in time) rejects with a PrinterJobError.
 */
export function sendToPrinter(address: string, bytes: Uint8Array, timeouts: JobTimeouts): Promise<void> {
  const { host, port } = parsePrinterAddress(address);
  return new Promise((resolve, reject) => {
    let connected = false;
    let settled = false;
    const socket = connect({ host, port });
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(new PrinterJobError(reason, connected));
    };
    let timer = setTimeout(() => fail("TIMEOUT"), timeouts.connectMs);
    socket.on("connect", () => {
      connected = true;
      clearTimeout(timer);
      timer = setTimeout(() => fail("TIMEOUT"), timeouts.closeMs);
      socket.end(bytes);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => fail(error.code ?? "SOCKET_ERROR"));
    socket.on("close", (hadError) => {
      if (hadError || !socket.writableFinished) return fail("CLOSED_EARLY");
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    });
    // The printer answers nothing we need (status bytes, if any): read and drop them.
    socket.on("data", () => undefined);
  });
}
