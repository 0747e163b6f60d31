import ReceiptPrinterEncoder from "@point-of-sale/receipt-printer-encoder";
import type { Printer } from "@quay/protocol";
import { forTcvn3, TCVN3_CANDIDATES, TCVN3_CODEPAGE_MAPPING } from "./tcvn3-codepages.js";
import { COLUMNS, type PaperLine } from "./ticket-layout.js";

/**
 * A fresh ESC/POS encoder for a printer's paper: its columns, TCVN-3 pages, images as raster
 * (`GS v 0`, which the cheap printers take, rather than column mode), initialised.
 */
export function escPosEncoder(width: Printer["width"]): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({
    language: "esc-pos",
    imageMode: "raster",
    columns: COLUMNS[width],
    codepageMapping: { ...TCVN3_CODEPAGE_MAPPING },
    codepageCandidates: [...TCVN3_CANDIDATES],
  }).initialize();
}

/** A left label and a right amount on one line of `columns`. */
function twoColumns(left: string, right: string, columns: number): string {
  const gap = Math.max(1, columns - left.length - right.length);
  return `${left}${" ".repeat(gap)}${right}`;
}

/**
 * The paper as ESC/POS text in TCVN-3: large lines at double width and height, then a feed and
 * a cut. The encoder writes every command; this only says what goes where.
 */
export function encodeText(lines: readonly PaperLine[], width: Printer["width"]): Uint8Array {
  const columns = COLUMNS[width];
  const encoder = escPosEncoder(width).codepage("auto");
  for (const line of lines) {
    if ("rule" in line) {
      encoder.line("-".repeat(columns));
    } else if ("left" in line) {
      encoder.bold(line.bold ?? false).line(forTcvn3(twoColumns(line.left, line.right, columns)));
    } else {
      const large = line.size === "large";
      encoder
        .align(line.align ?? "left")
        .bold(line.bold ?? false)
        .size(large ? 2 : 1, large ? 2 : 1)
        .line(forTcvn3(line.text))
        .size(1, 1)
        .bold(false)
        .align("left");
    }
  }
  return encoder.newline(3).cut().encode();
}
