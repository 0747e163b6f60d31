/** Short names of the banks most shops use, by NAPAS BIN; others show their BIN. */
const BANKS: Readonly<Record<string, string>> = {
  "970436": "Vietcombank",
  "970415": "VietinBank",
  "970418": "BIDV",
  "970405": "Agribank",
  "970422": "MB Bank",
  "970407": "Techcombank",
  "970416": "ACB",
  "970432": "VPBank",
  "970423": "TPBank",
  "970403": "Sacombank",
  "970441": "VIB",
  "970443": "SHB",
  "970448": "OCB",
  "970426": "MSB",
};

export function bankName(bin: string): string {
  return BANKS[bin] ?? `BIN ${bin}`;
}
