import type { ReactNode } from "react";
import { type Column, DataTable } from "./data-table.js";
import { LoadError } from "./load-error.js";

interface LoadedTableProps {
  /** Why the rows could not be read, if they could not. */
  readonly error: unknown;
  /** The rows were read and there are none: `emptyText` shows instead of the table. */
  readonly empty: boolean;
  readonly emptyText: string;
  /** How many rows there are: the table hides with none. */
  readonly rowCount: number;
  readonly columns: readonly Column[];
  readonly testId: string;
  /** The rows: `<tr>` elements. */
  readonly children: ReactNode;
}

/** A page's list as the back office loads it: its load error, "nothing here", or the table in a panel. */
export function LoadedTable({
  error,
  empty,
  emptyText,
  rowCount,
  columns,
  testId,
  children,
}: LoadedTableProps) {
  return (
    <>
      <LoadError error={error} />
      {empty ? <p className="muted">{emptyText}</p> : null}
      <DataTable frameClassName="a-panel" hidden={rowCount === 0} testId={testId} columns={columns}>
        {children}
      </DataTable>
    </>
  );
}
