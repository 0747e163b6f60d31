import { existsSync } from "node:fs";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import type { Printer } from "@quay/protocol";
import { escPosEncoder } from "./escpos-text.js";
import { DOTS, type PaperLine } from "./ticket-layout.js";

/** Debian's fonts-dejavu-core: every Vietnamese letter with its tones, regular and bold. */
const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
const FAMILY = "DejaVu Sans";
const SIZES = { normal: 24, large: 40 } as const;
const MARGIN = 4;

let fontsLoaded = false;
function loadFonts(): void {
  if (fontsLoaded) return;
  for (const file of ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]) {
    const path = `${FONT_DIR}/${file}`;
    if (!existsSync(path))
      throw new Error(`the raster tickets' font is missing: ${path} (fonts-dejavu-core)`);
    GlobalFonts.registerFromPath(path, FAMILY);
  }
  fontsLoaded = true;
}

/** Words laid into lines no wider than `width` as the context measures them. */
function wrap(context: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (current !== "" && context.measureText(candidate).width > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines;
}

type Draw = (context: SKRSContext2D, y: number) => void;

/** The paper's rows: each a height and how to draw it at its top. */
function rows(
  context: SKRSContext2D,
  lines: readonly PaperLine[],
  width: number,
): { height: number; draw: Draw }[] {
  const out: { height: number; draw: Draw }[] = [];
  const inner = width - 2 * MARGIN;
  for (const line of lines) {
    if ("rule" in line) {
      out.push({ height: 12, draw: (c, y) => c.fillRect(MARGIN, y + 5, inner, 2) });
      continue;
    }
    const bold = line.bold ?? false;
    const size = "left" in line ? SIZES.normal : SIZES[line.size];
    const font = `${bold ? "bold " : ""}${size}px "${FAMILY}"`;
    const height = Math.ceil(size * 1.25);
    if ("left" in line) {
      out.push({
        height,
        draw: (c, y) => {
          c.font = font;
          c.textAlign = "left";
          c.fillText(line.left, MARGIN, y + size);
          c.textAlign = "right";
          c.fillText(line.right, width - MARGIN, y + size);
        },
      });
      continue;
    }
    context.font = font;
    const center = line.align === "center";
    for (const text of wrap(context, line.text.normalize("NFC"), inner)) {
      out.push({
        height,
        draw: (c, y) => {
          c.font = font;
          c.textAlign = center ? "center" : "left";
          c.fillText(text, center ? width / 2 : MARGIN, y + size);
        },
      });
    }
  }
  return out;
}

/** The paper drawn in black on white, `DOTS[width]` across, its height a multiple of 8 dots. */
export function drawPaper(lines: readonly PaperLine[], width: Printer["width"]) {
  loadFonts();
  const dots = DOTS[width];
  const measuring = createCanvas(dots, 8).getContext("2d");
  const laid = rows(measuring, lines, dots);
  const height = Math.ceil((laid.reduce((sum, row) => sum + row.height, 0) + 2 * MARGIN) / 8) * 8;
  const canvas = createCanvas(dots, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, dots, height);
  context.fillStyle = "#000";
  let y = MARGIN;
  for (const row of laid) {
    row.draw(context, y);
    y += row.height;
  }
  return canvas;
}

/** The paper as one ESC/POS raster image (the encoder's image command), then a feed and a cut. */
export function encodeRaster(lines: readonly PaperLine[], width: Printer["width"]): Uint8Array {
  const canvas = drawPaper(lines, width);
  const image = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  return escPosEncoder(width)
    .image(
      image as unknown as Parameters<ReturnType<typeof escPosEncoder>["image"]>[0],
      canvas.width,
      canvas.height,
      "threshold",
    )
    .newline(3)
    .cut()
    .encode();
}
