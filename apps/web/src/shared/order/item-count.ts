/** How many items lines hold in all: two coffees and a flan are three. */
export function itemCount(lines: readonly { readonly quantity: number }[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}
