import { VAT_RATES } from "@quay/core";
import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import { SegmentedChoice } from "../../shared/components/segmented-choice.js";
import { MoneyInput } from "../../shared/money/money-input.js";
import type { Category, MenuItem } from "../api/admin-types.js";
import { FormDialog } from "../components/form-dialog.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";

interface ItemDialogProps {
  /** The item to change; null to add one. */
  readonly item: MenuItem | null;
  readonly categories: readonly Category[];
  readonly defaultCategoryId: string | null;
  readonly onDone: () => void;
  readonly onClose: () => void;
}

/** Adds or changes a menu item: name, category, VAT-inclusive price, VAT rate, unit, on sale. */
export function ItemDialog({ item, categories, defaultCategoryId, onDone, onClose }: ItemDialogProps) {
  const t = useText();
  const { api, storeId } = useStore();
  const action = useAction();
  const [name, setName] = useState(item?.name ?? "");
  const [categoryId, setCategoryId] = useState(
    item?.categoryId ?? defaultCategoryId ?? categories[0]?.id ?? "",
  );
  const [price, setPrice] = useState<number | null>(item?.price ?? null);
  const [vatRate, setVatRate] = useState<MenuItem["vatRate"]>(item?.vatRate ?? 8);
  const [unit, setUnit] = useState(item?.unit ?? "");
  const [active, setActive] = useState(item?.active ?? true);
  const [priceProblem, setPriceProblem] = useState(false);

  const save = async () => {
    if (price === null || !Number.isSafeInteger(price)) {
      setPriceProblem(true);
      return;
    }
    const fields = { name: name.trim(), categoryId, price, vatRate, unit: unit.trim(), active };
    const saved = await action.run(() =>
      item === null ? api.createEntry(storeId, "items", fields) : api.updateEntry("items", item.id, fields),
    );
    if (saved) onDone();
  };

  return (
    <FormDialog
      title={item === null ? t("catalog.newItem") : t("catalog.editItem")}
      testId="item-dialog"
      saveTestId="item-save"
      action={action}
      ready={name.trim() !== "" && categoryId !== ""}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Field label={t("catalog.name")}>
        <input
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
          data-testid="item-name"
        />
      </Field>
      <Field label={t("catalog.category")}>
        <select value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="field">
        <span>{t("catalog.price")}</span>
        <MoneyInput
          value={price}
          onChange={(value) => {
            setPrice(value);
            setPriceProblem(false);
          }}
          label={t("catalog.price")}
          testId="item-price"
        />
        {priceProblem ? <span className="form-error">{t("catalog.priceRequired")}</span> : null}
      </div>
      <SegmentedChoice
        label={t("catalog.vat")}
        name="vat"
        options={VAT_RATES}
        value={vatRate}
        onChange={setVatRate}
        optionLabel={(rate) => `${rate} %`}
      />
      <Field label={t("catalog.unit")}>
        <input value={unit} maxLength={20} onChange={(event) => setUnit(event.target.value)} />
      </Field>
      <label className="a-check">
        <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
        <span>{t("catalog.active")}</span>
      </label>
    </FormDialog>
  );
}
