export * from "./api/index.js";
export * from "./wire/index.js";
