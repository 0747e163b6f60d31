/** The part of an invoice number a cashier says aloud: `CH01-Q1-20261128-0007` → `#0007`. */
export function shortNumber(number: string | null): string {
  if (number === null) return "#…";
  const last = number.split("-").pop() ?? number;
  return `#${last}`;
}
