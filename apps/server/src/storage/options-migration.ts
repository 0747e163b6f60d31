import type { Migration } from "./migration.js";
import type { Dialect } from "./schema.js";
import { STORE_ROW } from "./table-shapes.js";

/**
 * Migration 19: options (issue 13, item 1). Shared option groups of a store (a size, toppings),
 * each with its options as JSON (`[{id, name, price, active}]`: they are only ever read and
 * written with their group); the groups an item offers, as a JSON list of ids in order; and
 * each category's quick notes, as a JSON list of texts. Stations get all three in the catalog
 * snapshot, so a change to any is a catalog change of the store.
 */
export function optionsMigration(d: Dialect): Migration {
  return {
    version: 19,
    name: "option groups, the items' groups and the categories' quick notes",
    steps: `
CREATE TABLE option_groups (
  ${STORE_ROW}
  name TEXT NOT NULL,
  min_choices INTEGER NOT NULL,
  max_choices INTEGER NOT NULL,
  sort_order INTEGER NOT NULL,
  options TEXT NOT NULL
)${d.tableOptions};
CREATE INDEX option_groups_store ON option_groups (store_id);
ALTER TABLE items ADD COLUMN option_group_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE categories ADD COLUMN note_chips TEXT NOT NULL DEFAULT '[]';
`,
  };
}
