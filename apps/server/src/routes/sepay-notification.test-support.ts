/** A SePay notification of an incoming transfer, in their documented shape; `extra` overrides fields. */
export function sepayNotification(
  id: number,
  amount: number,
  content: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    gateway: "Vietcombank",
    transactionDate: "2026-11-28 10:02:37",
    accountNumber: "0011001234567",
    code: null,
    content,
    transferType: "in",
    transferAmount: amount,
    accumulated: 19_077_000,
    subAccount: null,
    referenceCode: `MBVCB.${id}`,
    description: `BankAPINotify ${content}`,
    ...extra,
  };
}
