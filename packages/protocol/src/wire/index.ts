// The sync wire between station and server: versioned by PROTOCOL_VERSION and fingerprinted
// (protocol-version.test.ts). Everything a station of an older version may still send or read.
export * from "./bank-transfer.js";
export * from "./catalog.js";
export * from "./common.js";
export * from "./credentials.js";
export * from "./error.js";
export * from "./events.js";
export * from "./op.js";
export * from "./op-kinds-by-version.js";
export * from "./pull.js";
export * from "./push.js";
export * from "./push-codec.js";
export * from "./register.js";
export * from "./shift-op.js";
export * from "./sold-out.js";
export * from "./sync-calls.js";
export * from "./version.js";
