import { useMemo, useState } from "react";
import { bySortOrder } from "../../shared/catalog/sort-order.js";
import { Field } from "../../shared/components/field.js";
import type { Area, Table } from "../api/admin-types.js";
import { NameDialog } from "../catalog/name-dialog.js";
import { AddButton } from "../components/add-button.js";
import { ConfirmDialog } from "../components/confirm-dialog.js";
import { PageHead } from "../components/page-head.js";
import { RowButton } from "../components/row-buttons.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import "./floor.css";

type Editing =
  | { readonly kind: "area"; readonly area: Area | null }
  | { readonly kind: "table"; readonly table: Table | null; readonly areaId: string }
  | { readonly kind: "delete-area"; readonly area: Area }
  | { readonly kind: "delete-table"; readonly table: Table };

/** The floor: areas and the tables in each, as the cashier's and waiters' table maps show them. */
export function FloorPage() {
  const t = useText();
  const { api, storeId, catalog, reloadCatalog } = useStore();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [areaChoice, setAreaChoice] = useState("");
  const action = useAction();
  const areas = useMemo(() => bySortOrder(catalog?.areas ?? []), [catalog]);

  if (catalog === null) return <p className="muted a-page">{t("common.loading")}</p>;
  const tablesOf = (areaId: string) => bySortOrder(catalog.tables.filter((table) => table.areaId === areaId));
  const done = () => {
    setEditing(null);
    reloadCatalog();
  };

  return (
    <div className="a-page">
      <PageHead
        title={t("floor.title")}
        add={{ label: t("floor.addArea"), onClick: () => setEditing({ kind: "area", area: null }) }}
      />
      {areas.map((area) => {
        const tables = tablesOf(area.id);
        return (
          <section key={area.id} className="a-panel" data-testid="floor-area" data-area={area.name}>
            <div className="a-panel-head">
              <h2>
                {area.name}{" "}
                <span className="muted small">{t("floor.tableCount", { count: tables.length })}</span>
              </h2>
              <button type="button" className="secondary" onClick={() => setEditing({ kind: "area", area })}>
                ✎ {t("common.edit")}
              </button>
              <RowButton
                kind="delete"
                name={area.name}
                onClick={() => setEditing({ kind: "delete-area", area })}
              />
              <AddButton
                label={t("floor.addTable")}
                tone="secondary"
                onClick={() => {
                  setAreaChoice(area.id);
                  setEditing({ kind: "table", table: null, areaId: area.id });
                }}
              />
            </div>
            {tables.length === 0 ? <p className="muted">{t("floor.noTables")}</p> : null}
            <div className="a-floor-tables">
              {tables.map((table) => (
                <span key={table.id} className="a-floor-table">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setAreaChoice(table.areaId);
                      setEditing({ kind: "table", table, areaId: table.areaId });
                    }}
                  >
                    {table.name}
                  </button>
                  <RowButton
                    kind="delete"
                    name={table.name}
                    onClick={() => setEditing({ kind: "delete-table", table })}
                  />
                </span>
              ))}
            </div>
          </section>
        );
      })}

      {editing?.kind === "area" ? (
        <NameDialog
          title={editing.area === null ? t("floor.newArea") : t("floor.editArea")}
          name={editing.area?.name ?? ""}
          sortOrder={editing.area?.sortOrder ?? areas.length + 1}
          onSave={(fields) =>
            editing.area === null
              ? api.createEntry(storeId, "areas", fields)
              : api.updateEntry("areas", editing.area.id, fields)
          }
          onDone={done}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === "table" ? (
        <NameDialog
          title={editing.table === null ? t("floor.newTable") : t("floor.editTable")}
          name={editing.table?.name ?? ""}
          sortOrder={editing.table?.sortOrder ?? tablesOf(editing.areaId).length + 1}
          onSave={(fields) =>
            editing.table === null
              ? api.createEntry(storeId, "tables", { ...fields, areaId: areaChoice })
              : api.updateEntry("tables", editing.table.id, { ...fields, areaId: areaChoice })
          }
          onDone={done}
          onClose={() => setEditing(null)}
        >
          <Field label={t("floor.area")}>
            <select value={areaChoice} onChange={(event) => setAreaChoice(event.target.value)}>
              {areas.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name}
                </option>
              ))}
            </select>
          </Field>
        </NameDialog>
      ) : null}
      {editing?.kind === "delete-area" || editing?.kind === "delete-table" ? (
        <ConfirmDialog
          title={t("common.confirmDelete", {
            name: editing.kind === "delete-area" ? editing.area.name : editing.table.name,
          })}
          confirmLabel={t("common.delete")}
          action={action}
          change={() =>
            editing.kind === "delete-area"
              ? api.deleteEntry("areas", editing.area.id)
              : api.deleteEntry("tables", editing.table.id)
          }
          onDone={done}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
