import { useState } from "react";
import { bySortOrder } from "../../shared/catalog/sort-order.js";
import type { Printer } from "../api/admin-types.js";
import { useLoad } from "../api/use-load.js";
import { ConfirmDialog } from "../components/confirm-dialog.js";
import { DataTable } from "../components/data-table.js";
import { LoadError } from "../components/load-error.js";
import { PageHead } from "../components/page-head.js";
import { EditDeleteButtons } from "../components/row-buttons.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { PrintSettingsPanel } from "./print-settings-panel.js";
import { PrinterDialog } from "./printer-dialog.js";

type Editing =
  | { readonly kind: "edit"; readonly printer: Printer | null }
  | { readonly kind: "delete"; readonly printer: Printer };

/** The store's bar, kitchen and receipt printers, and how the counters print to them. */
export function PrintersPage() {
  const t = useText();
  const { api, storeId, catalog } = useStore();
  const printers = useLoad(() => api.printers(storeId), storeId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const action = useAction();
  const categories = bySortOrder(catalog?.categories ?? []);
  /** The printer's categories in menu order. */
  const categoriesOf = (printer: Printer) =>
    categories
      .filter((category) => printer.categoryIds.includes(category.id))
      .map((category) => category.name);
  const done = () => {
    setEditing(null);
    printers.reload();
  };

  return (
    <div className="a-page">
      <PageHead
        title={t("printers.title")}
        add={{
          label: t("printers.add"),
          onClick: () => setEditing({ kind: "edit", printer: null }),
          testId: "printer-add",
        }}
      />
      <p className="muted">{t("printers.help")}</p>
      <LoadError error={printers.error} />
      {printers.data?.length === 0 ? <p className="muted">{t("printers.none")}</p> : null}
      <DataTable
        frameClassName="a-panel"
        hidden={!printers.data?.length}
        columns={[
          { label: t("printers.name") },
          { label: t("printers.address") },
          { label: t("printers.kind") },
          { label: t("printers.categories") },
          { label: t("printers.width") },
          { label: t("printers.vietnameseShort") },
          { label: t("printers.status") },
          { label: t("common.edit"), hidden: true },
        ]}
      >
        {(printers.data ?? []).map((printer) => (
          <tr
            key={printer.id}
            data-testid="printer-row"
            data-printer={printer.name}
            className={printer.active ? "" : "inactive"}
          >
            <td>{printer.name}</td>
            <td>
              <code>{printer.address}</code>
            </td>
            <td>{t(`printers.kinds.${printer.kind}`)}</td>
            <td>
              {printer.kind === "receipt"
                ? t("common.none")
                : categoriesOf(printer).join(", ") || t("printers.noCategories")}
            </td>
            <td>{printer.width} mm</td>
            <td>{t(`printers.vietnameseModesShort.${printer.vietnamese}`)}</td>
            <td>{printer.active ? t("printers.active") : t("printers.inactive")}</td>
            <td className="a-row-actions">
              <EditDeleteButtons
                name={printer.name}
                onEdit={() => setEditing({ kind: "edit", printer })}
                onDelete={() => setEditing({ kind: "delete", printer })}
                testId="printer"
              />
            </td>
          </tr>
        ))}
      </DataTable>
      {catalog === null ? null : <PrintSettingsPanel settings={catalog.store} />}
      {editing?.kind === "edit" ? (
        <PrinterDialog printer={editing.printer} onDone={done} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === "delete" ? (
        <ConfirmDialog
          title={t("common.confirmDelete", { name: editing.printer.name })}
          message={t("printers.deleteNote")}
          confirmLabel={t("common.delete")}
          action={action}
          change={() => api.deletePrinter(editing.printer.id)}
          onDone={done}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
