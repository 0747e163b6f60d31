export * from "./secret-hash.js";
export * from "./session-token.js";
