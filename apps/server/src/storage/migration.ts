/** One step of a database schema, applied once, in `version` order, at start. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
