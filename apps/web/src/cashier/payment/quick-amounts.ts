/** The notes a customer usually hands over, after "exact": 50.000, 100.000, 200.000, 500.000 đồng. */
export const QUICK_NOTES = [50_000, 100_000, 200_000, 500_000] as const;

/** Change due for a cash tender: never negative. */
export function changeFor(tendered: number, due: number): number {
  return Math.max(0, tendered - due);
}
