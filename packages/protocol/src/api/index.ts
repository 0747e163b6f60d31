// The HTTP API of both services for their browser apps and phones (API.md): not versioned, it
// ships with the apps that call it, so it may change without locking a station out.
export * from "./audit.js";
export * from "./bank.js";
export * from "./bills.js";
export * from "./day.js";
export * from "./floor.js";
export * from "./kitchen.js";
export * from "./local-day.js";
export * from "./order-history.js";
export * from "./order-requests.js";
export * from "./order-view.js";
export * from "./reports.js";
export * from "./session.js";
export * from "./shift.js";
export * from "./shop-network.js";
export * from "./sold-out.js";
export * from "./station-status.js";
export * from "./station-view.js";
export * from "./tickets.js";
