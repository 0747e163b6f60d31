import type { Role } from "../api/admin-types.js";

/** The roles a person may give (the server checks the same): owners everyone, managers their staff. */
export function manageableRoles(role: Role): readonly Role[] {
  if (role === "owner") return ["owner", "manager", "cashier", "waiter"];
  if (role === "manager") return ["cashier", "waiter"];
  return [];
}
