/** Test support, not shipped code: the contract fuzzer both services run (`@quay/service-kit/fuzz`). */
export * from "./contract-fuzz.test-support.js";
export * from "./fuzz-bodies.test-support.js";
export * from "./fuzz-credentials.test-support.js";
export * from "./fuzz-target.test-support.js";
export * from "./hostile-input.test-support.js";
export * from "./json-schema-arbitrary.test-support.js";
export * from "./route-cases.test-support.js";
export * from "./sqlite-digest.test-support.js";
export * from "./url-encoding.test-support.js";
