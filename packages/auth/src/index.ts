export * from "./attempt-throttle.js";
export * from "./hub-pass.js";
export * from "./secret-hash.js";
export * from "./session-token.js";
export * from "./throttled-attempt.js";
