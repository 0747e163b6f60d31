export * from "./demo/demo-data.js";
export { seedDemo } from "./demo/seed-demo.js";
export { main } from "./main.js";
export { buildServer, DEFAULT_WEB_DIST, type ServerOptions } from "./server.js";
export { SERVER_ERRORS } from "./server-errors.js";
export { openStorage, SQLITE_FILE_NAME } from "./storage/open-storage.js";
export type { ServerStorage } from "./storage/server-storage.js";
