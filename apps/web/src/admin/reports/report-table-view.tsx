import { Money } from "../../shared/money/money.js";
import type { Cell, ColumnKind, ReportTable } from "./report-views.js";

const percent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });
const count = new Intl.NumberFormat("vi-VN");

function CellView({ cell, kind }: { readonly cell: Cell; readonly kind: ColumnKind }) {
  if (typeof cell === "string") return <>{cell}</>;
  if (kind === "money") return <Money amount={cell} />;
  if (kind === "percent") return <>{percent.format(cell)}</>;
  return <>{count.format(cell)}</>;
}

/** One view of the report as a table, its total last (the same rows the CSV holds). */
export function ReportTableView({ table }: { readonly table: ReportTable }) {
  const align = (kind: ColumnKind) => (kind === "text" ? undefined : "num");
  return (
    <div className="a-table-wrap">
      <table className="a-table" data-testid="report-table">
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.label} className={align(column.kind)} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            // Rows have no id of their own; their order is the report's.
            // biome-ignore lint/suspicious/noArrayIndexKey: a report row is its position
            <tr key={rowIndex} data-testid="report-row">
              {row.map((cell, index) => (
                <td
                  key={table.columns[index]?.label ?? index}
                  className={align(table.columns[index]?.kind ?? "text")}
                >
                  <CellView cell={cell} kind={table.columns[index]?.kind ?? "text"} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="report-total">
            {table.total.map((cell, index) => (
              <td
                key={table.columns[index]?.label ?? index}
                className={align(table.columns[index]?.kind ?? "text")}
              >
                <CellView cell={cell} kind={table.columns[index]?.kind ?? "text"} />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
