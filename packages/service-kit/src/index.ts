export * from "./app-error.js";
export * from "./event-stream.js";
export * from "./http-service.js";
export * from "./run-service.js";
