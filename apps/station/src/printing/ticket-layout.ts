import type { TicketContent } from "@quay/protocol";

/** One line of paper: text at a size, or a rule across. Both printing modes draw these. */
export type PaperLine =
  | {
      readonly text: string;
      /** `large`: double width and height, for what the cook reads from a step away. */
      readonly size: "normal" | "large";
      readonly bold?: boolean;
      readonly align?: "left" | "center";
    }
  | { readonly rule: true }
  /** Two columns: a label on the left, an amount on the right. */
  | { readonly left: string; readonly right: string; readonly bold?: boolean };

const TITLES = {
  items: null,
  cancel: "HỦY",
  move: "CHUYỂN BÀN",
  bill: "PHIẾU TẠM TÍNH",
  receipt: "HÓA ĐƠN",
} as const;

const amount = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const money = (value: number) => `${amount.format(value)}đ`;

function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("vi-VN", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hourCycle: "h23",
  }).format(new Date(iso));
}

const place = (tableName: string | null | undefined) => tableName ?? "Mang về";

/**
 * The paper of a ticket, top to bottom: "IN LẠI" first on a reprint, the kind's title, where it
 * goes (table or take-away), the order and ticket numbers, time and sender, then the items with
 * their quantities and notes in large type (or, on a bill, the amounts and totals).
 */
export function layoutTicket(content: TicketContent, reprint: boolean): PaperLine[] {
  const lines: PaperLine[] = [];
  if (reprint) lines.push({ text: "IN LẠI", size: "large", bold: true, align: "center" });
  const title = TITLES[content.kind];
  if (title) lines.push({ text: title, size: "large", bold: true, align: "center" });
  lines.push({ text: content.storeName, size: "normal", align: "center" });
  const details = content.store;
  if (details) {
    const centred = (text: string): PaperLine => ({ text, size: "normal", align: "center" });
    if (details.address) lines.push(centred(details.address));
    if (details.phone) lines.push(centred(`ĐT: ${details.phone}`));
    if (details.taxCode) lines.push(centred(`MST: ${details.taxCode}`));
    lines.push(...details.header.map(centred));
  }
  const isKitchen = content.money === undefined;
  if (isKitchen) lines.push({ text: `${content.printerName} - Phiếu số ${content.number}`, size: "normal" });
  if (content.kind === "move") {
    lines.push({
      text: `${place(content.fromTableName)} -> ${place(content.tableName)}`,
      size: "large",
      bold: true,
    });
  } else {
    lines.push({ text: place(content.tableName), size: "large", bold: true });
  }
  lines.push({ text: `Đơn ${content.orderNumber}`, size: "normal" });
  lines.push({ text: localTime(content.at, content.timeZone), size: "normal" });
  if (content.sentBy) lines.push({ text: `Người gửi: ${content.sentBy}`, size: "normal" });
  if (content.lines.length > 0) lines.push({ rule: true });
  for (const line of content.lines) {
    if (isKitchen) {
      lines.push({ text: `${line.quantity} x ${line.name}`, size: "large", bold: true });
    } else {
      lines.push({ text: `${line.quantity} x ${line.name}`, size: "normal" });
      if (line.amount !== undefined) lines.push({ left: "", right: money(line.amount) });
      if (line.discount)
        lines.push({ left: `  ${line.discount.label}`, right: `-${money(line.discount.amount)}` });
    }
    if (line.note) lines.push({ text: `  ${line.note}`, size: isKitchen ? "large" : "normal" });
  }
  if (content.money) {
    const totals = content.money;
    lines.push({ rule: true });
    lines.push({ left: "Tạm tính", right: money(totals.subtotal) });
    if (totals.discount > 0)
      lines.push({ left: totals.discountLabel ?? "Giảm giá", right: `-${money(totals.discount)}` });
    lines.push({ left: "Tổng cộng", right: money(totals.total), bold: true });
    if (content.kind === "receipt") {
      lines.push({ left: "Khách trả", right: money(totals.paid) });
      if (totals.changeDue > 0) lines.push({ left: "Tiền thừa", right: money(totals.changeDue) });
    }
  }
  if (content.money) lines.push(...documentFoot(content));
  return lines;
}

/** A bill's or a receipt's foot: the store's footer lines (a receipt thanks by default), then its Wi-Fi. */
function documentFoot(content: TicketContent): PaperLine[] {
  const footer = content.store?.footer ?? [];
  const thanks = footer.length > 0 ? footer : content.kind === "receipt" ? ["Cảm ơn quý khách!"] : [];
  const lines = [...thanks, ...(content.store?.wifi ? [content.store.wifi] : [])];
  return lines.map((text) => ({ text, size: "normal", align: "center" }));
}

/** Columns of text per paper width, in the printer's font A (12×24 dots). */
export const COLUMNS = { 58: 32, 80: 48 } as const;
/** Printable dots across per paper width, at 203 dpi. */
export const DOTS = { 58: 384, 80: 576 } as const;
