/** The staff roles, most powerful first. */
export const ROLES = ["owner", "manager", "cashier", "waiter"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do, the one table both services read (docs/security.md). An action whose
 * role is missing here may still pass at a device where a manager approves it with their PIN:
 * see `APPROVABLE` and `mayApprove`.
 */
export const PERMISSIONS = {
  /** Open orders, add lines, raise quantities, move tables: everyone who serves. */
  "orders.write": ["owner", "manager", "cashier", "waiter"],
  /** Lower a line's quantity: a reduction of something ordered, recorded with a reason. */
  "orders.reduce": ["owner", "manager"],
  "orders.pay": ["owner", "manager", "cashier"],
  /** Moving every line of one open order onto another, then voiding the emptied one. */
  "orders.merge": ["owner", "manager", "cashier"],
  /** Moving chosen lines (or units of a line) of an open order onto a new order ("Tách hóa đơn"). */
  "orders.split": ["owner", "manager", "cashier"],
  "orders.void": ["owner", "manager"],
  "orders.discount": ["owner", "manager"],
  /** Give money back on a paid bill, in whole or by line, with a reason. */
  "orders.refund": ["owner", "manager"],
  /** Set aside a change the server refused for good, so the rest of its order syncs. */
  "orders.review": ["owner", "manager"],
  /** Open, run and close a cash shift at a counter: the drawer's opening cash, cash in and out, the count. */
  "shifts.run": ["owner", "manager", "cashier"],
  "stations.register": ["owner", "manager", "cashier"],
  "stations.manage": ["owner", "manager"],
  "reports.read": ["owner", "manager"],
  "catalog.edit": ["owner", "manager"],
  /**
   * Mark a menu item sold out ("hết món") and back on sale: whoever runs the counter, not the
   * waiters (who only see it greyed), so a toggle is always made where the stock is known.
   */
  "items.soldOut": ["owner", "manager", "cashier"],
  /** See and set up the store's kitchen and receipt printers (their addresses on the shop's LAN). */
  "printers.manage": ["owner", "manager"],
  "users.manage": ["owner", "manager"],
  "stores.edit": ["owner", "manager"],
  "stores.create": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Actions a user without the right may still take when a manager types their PIN. */
export const APPROVABLE: readonly Permission[] = [
  "orders.reduce",
  "orders.void",
  "orders.discount",
  "orders.refund",
  "orders.review",
];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Whether a user of `approverRole` may approve `permission` for someone who lacks it. */
export function mayApprove(approverRole: Role, permission: Permission): boolean {
  return APPROVABLE.includes(permission) && can(approverRole, permission);
}

/** The roles a user with `role` may create or edit: managers run their staff, owners everyone. */
export function manageableRoles(role: Role): readonly Role[] {
  if (role === "owner") return ROLES;
  if (role === "manager") return ["cashier", "waiter"];
  return [];
}
