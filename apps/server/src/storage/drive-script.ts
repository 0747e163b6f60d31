import type { Script, SqlRequest } from "./sql-script.js";

type Step<T> = IteratorResult<SqlRequest, T>;

/**
 * Runs `script` to its end, handing each request to `execute` and the result back to the script;
 * an error `execute` throws (or its promise rejects with) is thrown into the script, which may
 * catch it. It stays synchronous while `execute` does, so a SQLite transaction never awaits; a
 * promise suspends it until the promise settles.
 */
export function driveScript<T>(
  script: Script<T>,
  execute: (request: SqlRequest) => Promise<unknown>,
): Promise<T>;
export function driveScript<T>(script: Script<T>, execute: (request: SqlRequest) => unknown): T;
export function driveScript<T>(script: Script<T>, execute: (request: SqlRequest) => unknown): T | Promise<T> {
  return advance(script, execute, script.next());
}

function advance<T>(
  script: Script<T>,
  execute: (request: SqlRequest) => unknown,
  first: Step<T>,
): T | Promise<T> {
  let step = first;
  while (!step.done) {
    let result: unknown;
    try {
      result = execute(step.value);
    } catch (error) {
      step = script.throw(error);
      continue;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => advance(script, execute, script.next(value)),
        (error: unknown) => advance(script, execute, script.throw(error)),
      );
    }
    step = script.next(result);
  }
  return step.value;
}
