export * from "./api/index.js";
export * from "./sync-error.js";
export * from "./wire/index.js";
