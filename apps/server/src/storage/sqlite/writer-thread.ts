import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { driveScript } from "../drive-script.js";
import type { ChangeNotice } from "../sql-script.js";
import { runWriteTask, type WriteTaskInput, writeTaskSender } from "../write-tasks.js";
import { prepareWriterConnection, SqliteExecutor } from "./sqlite-executor.js";
import type { WriterCall, WriterReply, WriterThreadData } from "./sqlite-writer.js";
import { carryError } from "./thread-errors.js";

/**
 * The SQLite writer thread (see `SqliteWriter`): the one connection that writes, running the
 * calls it is sent in order. Write tasks that arrive together share one transaction, each in a
 * savepoint of its own, and are answered once it commits: one sync of the log for all of them.
 */
const port = parentPort;
if (!port) throw new Error("writer-thread.js runs as a worker thread");
const { file, walAutocheckpointPages } = workerData as WriterThreadData;
/**
 * Tasks per shared transaction at most: a bound on how long an answer waits for the commit. Under
 * 50 stations pushing at once, 8 keeps the commits few and the p99 push a quarter below 32's.
 */
const TASKS_PER_COMMIT = 8;

const db = new Database(file, { fileMustExist: true });
prepareWriterConnection(db);
db.pragma("foreign_keys = ON");
db.pragma(`wal_autocheckpoint = ${walAutocheckpointPages}`);
const executor = new SqliteExecutor(db);

/** The answers of the tasks run in the open shared transaction, sent once it has committed. */
let tasksDone: WriterReply[] = [];
/** Whose tasks the open shared transaction holds (`writeTaskSender`). */
const senders = new Set<string>();
let sharedOpen = false;
let commitDue = false;

function runTask(id: number, call: Extract<WriterCall, { kind: "task" }>): void {
  const input = call.input as WriteTaskInput<typeof call.name>;
  const sender = writeTaskSender(call.name, input);
  if (senders.has(sender)) commitShared();
  senders.add(sender);
  try {
    if (!sharedOpen) {
      db.exec("BEGIN IMMEDIATE");
      sharedOpen = true;
    }
    db.exec("SAVEPOINT task");
  } catch (error) {
    port?.postMessage({ id, error: carryError(error) } satisfies WriterReply);
    return;
  }
  const notices: ChangeNotice[] = [];
  try {
    const result = driveScript(runWriteTask(call.name, input), (request) =>
      executor.handle(request, notices),
    );
    db.exec("RELEASE task");
    tasksDone.push({ id, value: { result, notices } });
  } catch (error) {
    if (!db.inTransaction) {
      // SQLite gave the whole transaction up: every task in it failed with this one.
      sharedOpen = false;
      senders.clear();
      answerAll([...tasksDone, { id, value: undefined }], error);
      tasksDone = [];
      return;
    }
    db.exec("ROLLBACK TO task");
    db.exec("RELEASE task");
    // A refusal is answered with the others: it may rest on what they wrote.
    tasksDone.push({ id, error: carryError(error) });
  }
  if (tasksDone.length >= TASKS_PER_COMMIT) commitShared();
  else if (!commitDue) {
    commitDue = true;
    // After the calls already queued: those that came while this one ran share the commit.
    setImmediate(() => {
      commitDue = false;
      commitShared();
    });
  }
}

function commitShared(): void {
  senders.clear();
  if (!sharedOpen) return;
  sharedOpen = false;
  const done = tasksDone;
  tasksDone = [];
  try {
    commit();
  } catch (error) {
    answerAll(done, error);
    return;
  }
  for (const reply of done) port?.postMessage(reply);
}

/** Commits the open transaction; a failed COMMIT may leave it open, so it is rolled back then. */
function commit(): void {
  try {
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

function answerAll(replies: readonly WriterReply[], error: unknown): void {
  const carried = carryError(error);
  for (const { id } of replies) port?.postMessage({ id, error: carried } satisfies WriterReply);
}

/** Runs a call of a write driven from the request thread, or of the thread's upkeep. */
function run(call: Exclude<WriterCall, { kind: "task" }>): unknown {
  switch (call.kind) {
    case "begin":
      commitShared();
      db.exec("BEGIN IMMEDIATE");
      return undefined;
    case "request":
      return executor.execute(call.request);
    case "commit":
      commit();
      return undefined;
    case "rollback":
      if (db.inTransaction) db.exec("ROLLBACK");
      return undefined;
    case "ping":
      return undefined;
    case "close":
      commitShared();
      db.close();
      return undefined;
  }
}

port.on("message", ({ id, call }: { id: number; call: WriterCall }) => {
  if (call.kind === "task") {
    runTask(id, call);
    return;
  }
  let reply: WriterReply;
  try {
    reply = { id, value: run(call) };
  } catch (error) {
    reply = { id, error: carryError(error) };
  }
  port.postMessage(reply);
});
