import { useMemo, useState } from "react";
import { FormError } from "../../shared/components/form-error.js";
import { Money } from "../../shared/money/money.js";
import { searchByName } from "../../shared/search/fold-diacritics.js";
import { SearchInput } from "../../shared/search/search-input.js";
import type { Category, MenuItem } from "../api/admin-types.js";
import { AddButton } from "../components/add-button.js";
import { ConfirmDialog } from "../components/confirm-dialog.js";
import { DataTable } from "../components/data-table.js";
import { PageHead } from "../components/page-head.js";
import { EditDeleteButtons } from "../components/row-buttons.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { CategoryDialog } from "./category-dialog.js";
import { ItemDialog } from "./item-dialog.js";
import { OptionGroupsPanel } from "./option-groups-panel.js";
import "./catalog.css";

type Editing =
  | { readonly kind: "item"; readonly item: MenuItem | null }
  | { readonly kind: "category"; readonly category: Category | null }
  | { readonly kind: "delete-item"; readonly item: MenuItem }
  | { readonly kind: "delete-category"; readonly category: Category };

/** The menu: categories and items with name, price, VAT and whether they are on sale; the option groups. */
export function CatalogPage() {
  const t = useText();
  const { api, catalog, reloadCatalog } = useStore();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<Editing | null>(null);
  const action = useAction();
  const categories = useMemo(
    () =>
      [...(catalog?.categories ?? [])].sort(
        (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name),
      ),
    [catalog],
  );
  const items = useMemo(() => {
    const inCategory = (catalog?.items ?? []).filter(
      (item) => categoryId === null || item.categoryId === categoryId,
    );
    return searchByName(inCategory, query).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  }, [catalog, categoryId, query]);
  const categoryName = (id: string) => categories.find((category) => category.id === id)?.name ?? "";

  if (catalog === null) return <p className="muted a-page">{t("common.loading")}</p>;

  const done = () => {
    setEditing(null);
    reloadCatalog();
  };
  const toggle = (item: MenuItem) =>
    void action.run(async () => {
      await api.updateEntry("items", item.id, { active: !item.active });
      reloadCatalog();
    });

  const toggleSoldOut = (item: MenuItem) =>
    void action.run(async () => {
      await api.setSoldOut(item.id, !item.soldOut);
      reloadCatalog();
    });

  return (
    <div className="a-page">
      <PageHead title={t("catalog.title")} note={t("catalog.liveNote")} />
      <FormError problem={action.problem} />
      <div className="a-split">
        <section className="a-panel a-side-list">
          <div className="a-panel-head">
            <h2>{t("catalog.categories")}</h2>
            <AddButton
              label={t("catalog.addCategory")}
              tone="secondary"
              onClick={() => setEditing({ kind: "category", category: null })}
            />
          </div>
          <ul className="a-list">
            <li>
              <button
                type="button"
                className={categoryId === null ? "a-list-item current" : "a-list-item"}
                onClick={() => setCategoryId(null)}
              >
                {t("catalog.allCategories")}
                <span className="muted small">{t("catalog.count", { count: catalog.items.length })}</span>
              </button>
            </li>
            {categories.map((category) => (
              <li key={category.id} className="a-list-row">
                <button
                  type="button"
                  className={categoryId === category.id ? "a-list-item current" : "a-list-item"}
                  onClick={() => setCategoryId(category.id)}
                >
                  {category.name}
                  <span className="muted small">
                    {t("catalog.count", {
                      count: catalog.items.filter((item) => item.categoryId === category.id).length,
                    })}
                  </span>
                </button>
                <EditDeleteButtons
                  name={category.name}
                  onEdit={() => setEditing({ kind: "category", category })}
                  onDelete={() => setEditing({ kind: "delete-category", category })}
                />
              </li>
            ))}
          </ul>
        </section>
        <section className="a-panel">
          <div className="a-panel-head">
            <h2>{t("catalog.items")}</h2>
            <SearchInput className="a-search" label={t("catalog.search")} query={query} onQuery={setQuery} />
            <AddButton
              label={t("catalog.addItem")}
              tone="primary"
              onClick={() => setEditing({ kind: "item", item: null })}
              disabled={categories.length === 0}
            />
          </div>
          {items.length === 0 ? <p className="muted">{t("catalog.noItems")}</p> : null}
          <DataTable
            tableClassName="a-items"
            columns={[
              { label: t("catalog.name") },
              { label: t("catalog.category") },
              { label: t("catalog.priceShort"), numeric: true },
              { label: t("catalog.vat"), numeric: true },
              { label: t("catalog.active") },
              { label: t("soldOut.column") },
              { label: t("common.edit"), hidden: true },
            ]}
          >
            {items.map((item) => (
              <tr
                key={item.id}
                data-testid="catalog-item"
                data-item={item.name}
                className={item.active ? "" : "inactive"}
              >
                <td>{item.name}</td>
                <td>{categoryName(item.categoryId)}</td>
                <td className="num">
                  <Money amount={item.price} />
                </td>
                <td className="num">{item.vatRate} %</td>
                <td>
                  <label className="a-switch">
                    <input
                      type="checkbox"
                      checked={item.active}
                      onChange={() => toggle(item)}
                      aria-label={`${t("catalog.active")}: ${item.name}`}
                    />
                    <span>{item.active ? t("catalog.active") : t("catalog.inactive")}</span>
                  </label>
                </td>
                <td>
                  <label className="a-switch">
                    <input
                      type="checkbox"
                      checked={item.soldOut}
                      onChange={() => toggleSoldOut(item)}
                      aria-label={`${t("soldOut.column")}: ${item.name}`}
                      data-testid="item-sold-out"
                    />
                    <span className={item.soldOut ? "a-sold-out" : ""}>
                      {item.soldOut ? t("soldOut.soldOut") : t("soldOut.onSale")}
                    </span>
                  </label>
                </td>
                <td className="a-row-actions">
                  <EditDeleteButtons
                    name={item.name}
                    onEdit={() => setEditing({ kind: "item", item })}
                    onDelete={() => setEditing({ kind: "delete-item", item })}
                    testId="item"
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
      <OptionGroupsPanel catalog={catalog} onChanged={reloadCatalog} />

      {editing?.kind === "item" ? (
        <ItemDialog
          item={editing.item}
          categories={categories}
          optionGroups={catalog.optionGroups ?? []}
          defaultCategoryId={categoryId}
          onDone={done}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === "category" ? (
        <CategoryDialog
          category={editing.category}
          nextSortOrder={categories.length + 1}
          onDone={done}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === "delete-item" || editing?.kind === "delete-category" ? (
        <ConfirmDialog
          title={t("common.confirmDelete", {
            name: editing.kind === "delete-item" ? editing.item.name : editing.category.name,
          })}
          confirmLabel={t("common.delete")}
          action={action}
          change={() =>
            editing.kind === "delete-item"
              ? api.deleteEntry("items", editing.item.id)
              : api.deleteEntry("categories", editing.category.id)
          }
          onDone={done}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
