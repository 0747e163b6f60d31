import type { ShiftOp } from "@quay/core";
import { pushOpsAndShifts } from "./scripts/shift-push.js";
import type { PushInput } from "./scripts/sync-push.js";
import type { Script } from "./sql-script.js";

/**
 * Writes an engine may run away from the caller's thread (`ServerStorage.writeTask`): each takes
 * and gives plain data, so that its input and its result can cross to a worker thread. The hot
 * path of ingest lives here: a station's push.
 */
export const WRITE_TASKS = {
  *push(
    input: PushInput & { readonly shiftOps: readonly ShiftOp[] },
  ): Script<{ held: string[]; cursor: number }> {
    const { held, cursor } = yield* pushOpsAndShifts(input);
    return { held, cursor };
  },
};

export type WriteTaskName = keyof typeof WRITE_TASKS;
export type WriteTaskInput<N extends WriteTaskName> = Parameters<(typeof WRITE_TASKS)[N]>[0];
export type WriteTaskResult<N extends WriteTaskName> =
  ReturnType<(typeof WRITE_TASKS)[N]> extends Script<infer R> ? R : never;

/** The script of the write task `name`. */
export function runWriteTask<N extends WriteTaskName>(
  name: N,
  input: WriteTaskInput<N>,
): Script<WriteTaskResult<N>> {
  return WRITE_TASKS[name](input) as Script<WriteTaskResult<N>>;
}

/**
 * Who waits on a task's answer. Two tasks of one sender never share a commit: a station sends its
 * next push when the last one is answered, so a commit shared with its own next push would hold
 * the answer back, and the station's pipeline with it.
 */
export function writeTaskSender<N extends WriteTaskName>(_name: N, input: WriteTaskInput<N>): string {
  return input.station.id;
}
