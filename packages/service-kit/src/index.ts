export * from "./app-error.js";
export * from "./cookies.js";
export * from "./event-stream.js";
export * from "./http-service.js";
export * from "./private-files.js";
export * from "./request-pacing.js";
export * from "./route-access.js";
export * from "./run-service.js";
