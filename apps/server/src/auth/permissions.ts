import type { Role } from "@quay/protocol";

/** What each role may do (DESIGN.md §9). Voids and discounts also pass with a manager's PIN. */
export const PERMISSIONS = {
  /** Open orders, add and change lines, move tables: everyone who serves. */
  "orders.write": ["owner", "manager", "cashier", "waiter"],
  "orders.pay": ["owner", "manager", "cashier"],
  /** Moving every line of one open order onto another, then voiding the emptied one. */
  "orders.merge": ["owner", "manager", "cashier"],
  "orders.void": ["owner", "manager"],
  "orders.discount": ["owner", "manager"],
  "stations.register": ["owner", "manager", "cashier"],
  "stations.manage": ["owner", "manager"],
  "reports.read": ["owner", "manager"],
  "catalog.edit": ["owner", "manager"],
  "users.manage": ["owner", "manager"],
  "stores.edit": ["owner", "manager"],
  "stores.create": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The roles a user with `role` may create or edit: managers run their staff, owners everyone. */
export function manageableRoles(role: Role): readonly Role[] {
  if (role === "owner") return ["owner", "manager", "cashier", "waiter"];
  if (role === "manager") return ["cashier", "waiter"];
  return [];
}
