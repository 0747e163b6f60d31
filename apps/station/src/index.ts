export * from "./cli-args.js";
export * from "./db/open-database.js";
export * from "./db/station-db.js";
export * from "./selling/order-service.js";
export * from "./station.js";
export * from "./sync/connectivity-monitor.js";
export * from "./sync/sync-engine.js";
export * from "./sync/sync-options.js";
