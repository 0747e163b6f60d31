import type { Script } from "../sql-script.js";

/** A write waiting for the transaction of its group, and how to answer its caller. */
export interface QueuedWrite {
  readonly script: Script<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * At most this many writes share a transaction: its commit answers them all, so a larger group
 * would hold the first ones back for the last.
 */
export const MAX_WRITES_PER_GROUP = 32;

/**
 * Gathers the writes asked for during one turn of the event loop (the pushes of many stations
 * whose bodies arrived together) and hands them to `commit` as one group once the turn's I/O is
 * done: one transaction, one commit, for what would otherwise be a commit each — and a commit
 * writes every page its transaction touched, the op log's and the indexes' shared pages again
 * and again. `commit` answers each write of the group itself.
 */
export class WriteGroups {
  #queued: QueuedWrite[] = [];
  #scheduled = false;

  constructor(private readonly commit: (group: readonly QueuedWrite[]) => void) {}

  add<T>(script: Script<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queued.push({ script, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#commitNext());
      }
    });
  }

  /** Commits everything queued now (before the database closes). */
  flush(): void {
    while (this.#queued.length > 0) this.commit(this.#queued.splice(0, MAX_WRITES_PER_GROUP));
  }

  #commitNext(): void {
    const group = this.#queued.splice(0, MAX_WRITES_PER_GROUP);
    // What is left waits for the next turn, so that the I/O due meanwhile is not held back.
    if (this.#queued.length > 0) setImmediate(() => this.#commitNext());
    else this.#scheduled = false;
    if (group.length > 0) this.commit(group);
  }
}
