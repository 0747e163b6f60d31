// Draws a bar ticket and a receipt as the raster path prints them (80 mm, 576 dots), into
// docs/images/, so the docs show the paper. `node scripts/render-paper-samples.mjs` after
// `npm run build`; needs Debian's fonts-dejavu-core, as the raster printing does.
import { writeFileSync } from "node:fs";
import { drawPaper } from "../apps/station/dist/printing/raster-ticket.js";
import { layoutTicket } from "../apps/station/dist/printing/ticket-layout.js";

const common = {
  storeName: "Quán Cà Phê Demo",
  timeZone: "Asia/Ho_Chi_Minh",
  tableName: "Bàn 12",
  orderNumber: "CH01-Q1-20261202-0042",
  at: "2026-12-02T12:34:00.000Z",
  sentBy: "Nguyễn Văn Phúc",
};
const samples = {
  "ticket-bar": {
    ...common,
    kind: "items",
    number: 17,
    printerName: "Bar",
    lines: [
      { name: "Cà phê sữa đá", quantity: 2, note: "ít đá" },
      { name: "Bạc xỉu", quantity: 1, note: null },
      { name: "Trà đào cam sả", quantity: 1, note: "không đường" },
    ],
  },
  receipt: {
    ...common,
    kind: "receipt",
    number: 18,
    printerName: "Quầy thu ngân",
    lines: [
      { name: "Cà phê sữa đá", quantity: 2, note: null, amount: 58_000 },
      { name: "Bạc xỉu", quantity: 1, note: null, amount: 32_000 },
      { name: "Trà đào cam sả", quantity: 1, note: null, amount: 45_000 },
    ],
    money: { subtotal: 135_000, discount: 0, total: 135_000, paid: 200_000, changeDue: 65_000 },
  },
};
for (const [name, content] of Object.entries(samples)) {
  const canvas = drawPaper(layoutTicket(content, false), 80);
  const file = new URL(`../docs/images/${name}.png`, import.meta.url);
  writeFileSync(file, canvas.encodeSync("png"));
  console.log(`wrote ${file.pathname} (${canvas.width}×${canvas.height})`);
}
