import type { CatalogSnapshot } from "@quay/protocol";

type Category = CatalogSnapshot["categories"][number];

import { useText } from "../i18n/kitchen-text.js";

interface CategoryChipsProps {
  readonly categories: readonly Category[];
  readonly chosen: readonly string[];
  readonly onToggle: (categoryId: string) => void;
  readonly onAll: () => void;
}

/** Which categories this screen makes: chips, "Tất cả" when none is chosen. */
export function CategoryChips({ categories, chosen, onToggle, onAll }: CategoryChipsProps) {
  const t = useText();
  return (
    <fieldset className="k-chips">
      <legend>{t("kitchen.categories")}</legend>
      <button type="button" className="k-chip" aria-pressed={chosen.length === 0} onClick={onAll}>
        {t("kitchen.allCategories")}
      </button>
      {categories.map((category) => (
        <button
          key={category.id}
          type="button"
          className="k-chip"
          data-testid="category-chip"
          aria-pressed={chosen.includes(category.id)}
          onClick={() => onToggle(category.id)}
        >
          {category.name}
        </button>
      ))}
    </fieldset>
  );
}
