import { useMemo, useState } from "react";
import { bySortOrder } from "../../shared/catalog/sort-order.js";
import { Money } from "../../shared/money/money.js";
import { searchByName } from "../../shared/search/fold-diacritics.js";
import { SearchInput } from "../../shared/search/search-input.js";
import type { Catalog, MenuItem } from "../api/waiter-types.js";
import { useText } from "../i18n/waiter-text.js";
import "./menu.css";

interface MenuListProps {
  readonly catalog: Catalog;
  readonly onAdd: (item: MenuItem) => void;
}

/** The menu: search without accents ("ca phe sua"), filter by category, tap to add one. */
export function MenuList({ catalog, onAdd }: MenuListProps) {
  const t = useText();
  const [query, setQuery] = useState("");
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const categories = useMemo(() => bySortOrder(catalog.categories), [catalog.categories]);
  const items = useMemo(() => {
    const inCategory = catalog.items.filter(
      (item) => item.active && (categoryId === null || query !== "" || item.categoryId === categoryId),
    );
    const order = (item: MenuItem) => categories.findIndex((category) => category.id === item.categoryId);
    return searchByName(inCategory, query).sort((a, b) => order(a) - order(b));
  }, [catalog.items, categories, categoryId, query]);

  return (
    <section className="w-menu" aria-label={t("menu.search")}>
      <SearchInput
        className="w-search"
        label={t("menu.search")}
        query={query}
        onQuery={setQuery}
        data-testid="menu-search"
      />
      <div className="tabs">
        <button
          type="button"
          className={categoryId === null ? "tab selected" : "tab"}
          onClick={() => setCategoryId(null)}
        >
          {t("menu.all")}
        </button>
        {categories.map((category) => (
          <button
            type="button"
            key={category.id}
            className={categoryId === category.id ? "tab selected" : "tab"}
            onClick={() => setCategoryId(category.id)}
          >
            {category.name}
          </button>
        ))}
      </div>
      {items.length === 0 ? <p className="muted">{t("menu.empty")}</p> : null}
      <ul className="w-menu-items">
        {items.map((item) => (
          <li key={item.id}>
            {/* Sold out ("hết món", marked at a counter): shown greyed, and it adds nothing. */}
            <button
              type="button"
              className={item.soldOut ? "w-menu-item sold-out" : "w-menu-item"}
              disabled={item.soldOut}
              onClick={() => onAdd(item)}
              aria-label={
                item.soldOut ? t("soldOut.label", { name: item.name }) : t("menu.add", { name: item.name })
              }
              data-testid="menu-item"
              data-item={item.name}
              {...(item.soldOut ? { "data-sold-out": "true" } : {})}
            >
              <span className="w-menu-name">{item.name}</span>
              <Money amount={item.price} className="w-menu-price" />
              {item.soldOut ? (
                <span className="w-sold-out-badge">{t("soldOut.badge")}</span>
              ) : (
                <span className="w-menu-plus" aria-hidden="true">
                  +
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
