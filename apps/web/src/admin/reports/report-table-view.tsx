import { Money } from "../../shared/money/money.js";
import { DataTable } from "../components/data-table.js";
import type { Cell, ColumnKind, ReportTable } from "./report-views.js";

const percent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });
const count = new Intl.NumberFormat("vi-VN");

function CellView({ cell, kind }: { readonly cell: Cell; readonly kind: ColumnKind }) {
  if (typeof cell === "string") return <>{cell}</>;
  if (kind === "money") return <Money amount={cell} />;
  if (kind === "percent") return <>{percent.format(cell)}</>;
  return <>{count.format(cell)}</>;
}

const align = (kind: ColumnKind) => (kind === "text" ? undefined : "num");

/** One row's cells, each shown and aligned as its column says. */
function CellsView({
  cells,
  columns,
}: {
  readonly cells: readonly Cell[];
  readonly columns: ReportTable["columns"];
}) {
  return cells.map((cell, index) => {
    const kind = columns[index]?.kind ?? "text";
    return (
      <td key={columns[index]?.label ?? index} className={align(kind)}>
        <CellView cell={cell} kind={kind} />
      </td>
    );
  });
}

/** One view of the report as a table, its total last (the same rows the CSV holds). */
export function ReportTableView({ table }: { readonly table: ReportTable }) {
  return (
    <DataTable
      testId="report-table"
      columns={table.columns.map((column) => ({ label: column.label, numeric: column.kind !== "text" }))}
      footer={
        <tr data-testid="report-total">
          <CellsView cells={table.total} columns={table.columns} />
        </tr>
      }
    >
      {table.rows.map((row, rowIndex) => (
        // Rows have no id of their own; their order is the report's.
        // biome-ignore lint/suspicious/noArrayIndexKey: a report row is its position
        <tr key={rowIndex} data-testid="report-row">
          <CellsView cells={row} columns={table.columns} />
        </tr>
      ))}
    </DataTable>
  );
}
