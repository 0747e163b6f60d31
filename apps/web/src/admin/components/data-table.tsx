import type { ReactNode } from "react";
import "./data-table.css";

export interface Column {
  readonly label: string;
  /** Figures: right-aligned. */
  readonly numeric?: boolean;
  /** Named for screen readers only (the column of a row's buttons). */
  readonly hidden?: boolean;
}

interface DataTableProps {
  readonly columns: readonly Column[];
  /** More classes for the scrolling frame ("a-panel") and for the table ("a-items"). */
  readonly frameClassName?: string;
  readonly tableClassName?: string;
  readonly hidden?: boolean;
  readonly testId?: string;
  /** The rows: `<tr>` elements. */
  readonly children: ReactNode;
  /** The total row, if any: a `<tr>`. */
  readonly footer?: ReactNode;
}

/** A back-office table: its header row from `columns`, scrolling sideways on a phone. */
export function DataTable({
  columns,
  frameClassName,
  tableClassName,
  hidden,
  testId,
  children,
  footer,
}: DataTableProps) {
  return (
    <div
      className={frameClassName === undefined ? "a-table-wrap" : `a-table-wrap ${frameClassName}`}
      hidden={hidden}
    >
      <table
        className={tableClassName === undefined ? "a-table" : `a-table ${tableClassName}`}
        data-testid={testId}
      >
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} className={column.numeric ? "num" : undefined} scope="col">
                {column.hidden ? <span className="a-visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer === undefined ? null : <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}
