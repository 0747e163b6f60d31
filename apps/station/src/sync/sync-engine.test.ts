import { startFakeBackend } from "./fake-server.test-support.js";
import { describeSyncEngine } from "./sync-engine-suite.test-support.js";

// The same suite runs against the real server in tests/station-engine-real-server.test.ts.
describeSyncEngine("an in-memory server", { start: startFakeBackend });
