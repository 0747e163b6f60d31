import type { ChangeListener } from "./server-storage.js";
import type { ChangeNotice } from "./sql-script.js";

/** The listeners of one store instance; a throwing listener never stops the others. */
export class ChangeListeners {
  readonly #listeners = new Set<ChangeListener>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  add(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(notice: ChangeNotice): void {
    for (const listener of this.#listeners) {
      try {
        listener(notice);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
