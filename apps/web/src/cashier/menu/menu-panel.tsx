import { itemOptionGroups } from "@quay/core";
import { type KeyboardEvent, type RefObject, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { bySortOrder } from "../../shared/catalog/sort-order.js";
import { Money } from "../../shared/money/money.js";
import { searchByName } from "../../shared/search/fold-diacritics.js";
import { SearchInput } from "../../shared/search/search-input.js";
import type { Catalog, MenuItem } from "../api/station-types.js";
import { TileGrid } from "../components/tile-grid.js";
import { NotePicker } from "./note-picker.js";
import { OptionChooser } from "./option-chooser.js";
import { SoldOutModeBar } from "./sold-out-mode-bar.js";
import "./menu.css";

interface MenuPanelProps {
  readonly catalog: Catalog;
  readonly searchRef: RefObject<HTMLInputElement | null>;
  readonly disabled: boolean;
  readonly onAdd: (item: MenuItem, note: string, optionIds?: readonly string[]) => void;
  /** Marks an item sold out or back on sale; absent for who may not (a waiter at the counter). */
  readonly onSoldOut?: ((item: MenuItem, soldOut: boolean) => void) | undefined;
}

const ALL = "all";

/** The menu by category, with a search that ignores diacritics ("ca phe sua" finds "Cà phê sữa"). */
export function MenuPanel({ catalog, searchRef, disabled, onAdd, onSoldOut }: MenuPanelProps) {
  const { t } = useTranslation();
  const [categoryId, setCategoryId] = useState<string>(ALL);
  const [query, setQuery] = useState("");
  const [note, setNote] = useState("");
  // "Báo hết món": while on, a tap on a tile toggles its sold-out state instead of adding it.
  const [markingSoldOut, setMarkingSoldOut] = useState(false);
  const marking = markingSoldOut && onSoldOut !== undefined;

  const categories = useMemo(() => bySortOrder(catalog.categories), [catalog.categories]);
  // The menu in the order the shop arranged its categories (items keep the station's order within one).
  const activeItems = useMemo(() => {
    const rank = new Map(categories.map((category, index) => [category.id, index]));
    return catalog.items
      .filter((item) => item.active)
      .sort((a, b) => (rank.get(a.categoryId) ?? 0) - (rank.get(b.categoryId) ?? 0));
  }, [catalog.items, categories]);
  // A search looks through the whole menu, whatever category is open.
  const shown =
    query.trim() !== ""
      ? searchByName(activeItems, query)
      : activeItems.filter((item) => categoryId === ALL || item.categoryId === categoryId);

  const [choosing, setChoosing] = useState<MenuItem | null>(null);
  const add = (item: MenuItem) => {
    if (marking) {
      onSoldOut?.(item, !item.soldOut);
      return;
    }
    if (disabled || item.soldOut) return;
    // An item with options opens the chooser first; the note goes with the choice.
    if (itemOptionGroups(item, catalog.optionGroups ?? []).length > 0) {
      setChoosing(item);
      return;
    }
    onAdd(item, note);
    setNote("");
  };

  /** What a screen reader says of a tile whose tap does not add it. */
  const tileLabel = (item: MenuItem): { "aria-label"?: string } => {
    if (marking) {
      const key = item.soldOut ? "soldOut.restoreLabel" : "soldOut.markingLabel";
      return { "aria-label": t(key, { name: item.name }) };
    }
    return item.soldOut ? { "aria-label": t("soldOut.tileLabel", { name: item.name }) } : {};
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = shown.find((item) => !item.soldOut);
    if (event.key === "Enter" && first !== undefined) {
      event.preventDefault();
      add(first);
      setQuery("");
    } else if (event.key === "Escape" && query !== "") {
      event.stopPropagation();
      event.preventDefault();
      setQuery("");
    }
  };

  return (
    <section className="menu-panel" aria-label={t("menu.title")}>
      <SearchInput
        ref={searchRef}
        className="menu-search"
        label={t("menu.searchLabel")}
        placeholder={t("menu.search")}
        aria-keyshortcuts="F3"
        query={query}
        onQuery={setQuery}
        onKeyDown={onSearchKey}
        data-testid="menu-search"
      />
      <div className="tabs" role="tablist" aria-label={t("menu.title")}>
        {[{ id: ALL, name: t("menu.allCategories") }, ...categories].map((category) => (
          <button
            type="button"
            role="tab"
            key={category.id}
            aria-selected={categoryId === category.id && query === ""}
            className={categoryId === category.id && query === "" ? "tab selected" : "tab"}
            onClick={() => {
              setCategoryId(category.id);
              setQuery("");
            }}
          >
            {category.name}
          </button>
        ))}
      </div>
      {choosing === null ? null : (
        <OptionChooser
          item={choosing}
          groups={catalog.optionGroups ?? []}
          onClose={() => setChoosing(null)}
          onChoose={async (optionIds) => {
            onAdd(choosing, note, optionIds);
            setNote("");
            setChoosing(null);
          }}
        />
      )}
      {onSoldOut ? <SoldOutModeBar marking={marking} onMarking={setMarkingSoldOut} /> : null}
      {marking ? null : (
        <NotePicker
          note={note}
          onChange={setNote}
          chips={categories.find((category) => category.id === categoryId)?.noteChips ?? []}
        />
      )}
      <TileGrid
        items={shown}
        tileClassName="item-tile"
        onSelect={add}
        disabled={disabled && !marking}
        empty={<p className="muted empty">{t("menu.empty")}</p>}
        tileData={(item) => ({
          "data-testid": "menu-item",
          "data-item": item.name,
          ...(item.soldOut ? { "data-sold-out": "true" } : {}),
          ...tileLabel(item),
        })}
        tileDisabled={(item) => item.soldOut && !marking}
        tileModifier={(item) =>
          [item.soldOut ? "sold-out" : "", marking ? "marking" : ""].join(" ").trim() || null
        }
      >
        {(item) => (
          <>
            <span className="item-name">{item.name}</span>
            {item.soldOut ? <span className="sold-out-badge">{t("soldOut.badge")}</span> : null}
            <Money amount={item.price} className="item-price" />
          </>
        )}
      </TileGrid>
    </section>
  );
}
