import type { Printer } from "@quay/protocol";
import { encodeText } from "./escpos-text.js";
import { layoutTicket } from "./ticket-layout.js";
import type { QueuedTicket } from "./ticket-store.js";

/**
 * The bytes of one job for one printer, as its `vietnamese` setting says: TCVN-3 text, or the
 * paper drawn as an image. The drawing loads only for printers that need it (a native module).
 */
export async function renderTicket(ticket: QueuedTicket, printer: Printer): Promise<Uint8Array> {
  const lines = layoutTicket(ticket.content, ticket.reprint);
  if (printer.vietnamese === "tcvn3") return encodeText(lines, printer.width);
  const { encodeRaster } = await import("./raster-ticket.js");
  return encodeRaster(lines, printer.width);
}
