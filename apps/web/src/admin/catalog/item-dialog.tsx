import { VAT_RATES } from "@quay/core";
import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import { SegmentedChoice } from "../../shared/components/segmented-choice.js";
import { TextField } from "../../shared/components/text-field.js";
import { MoneyInput } from "../../shared/money/money-input.js";
import type { Category, MenuItem } from "../api/admin-types.js";
import { FormDialog } from "../components/form-dialog.js";
import { NameField } from "../components/name-field.js";
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

/** Adds or changes a menu item: name, category, VAT-inclusive price, VAT rate, unit, on sale, sold out. */
export function ItemDialog({ item, categories, defaultCategoryId, onDone, onClose }: ItemDialogProps) {
  const t = useText();
  const { api, storeId } = useStore();
  const [name, setName] = useState(item?.name ?? "");
  const [categoryId, setCategoryId] = useState(
    item?.categoryId ?? defaultCategoryId ?? categories[0]?.id ?? "",
  );
  const [price, setPrice] = useState<number | null>(item?.price ?? null);
  const [vatRate, setVatRate] = useState<MenuItem["vatRate"]>(item?.vatRate ?? 8);
  const [unit, setUnit] = useState(item?.unit ?? "");
  const [active, setActive] = useState(item?.active ?? true);
  const [soldOut, setSoldOut] = useState(item?.soldOut ?? false);
  const [priceProblem, setPriceProblem] = useState(false);

  const save = () => {
    if (price === null || !Number.isSafeInteger(price)) {
      setPriceProblem(true);
      return null;
    }
    const fields = { name: name.trim(), categoryId, price, vatRate, unit: unit.trim(), active };
    const saved =
      item === null ? api.createEntry(storeId, "items", fields) : api.updateEntry("items", item.id, fields);
    // Sold out is its own call (the counters' too): made only when the switch moved.
    return saved.then((entry) => (entry.soldOut === soldOut ? entry : api.setSoldOut(entry.id, soldOut)));
  };

  return (
    <FormDialog
      title={item === null ? t("catalog.newItem") : t("catalog.editItem")}
      name="item"
      ready={name.trim() !== "" && categoryId !== ""}
      save={save}
      onDone={onDone}
      onClose={onClose}
    >
      <NameField value={name} onValue={setName} maxLength={120} testId="item-name" />
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
        options={VAT_RATES}
        value={vatRate}
        onChange={setVatRate}
        optionLabel={(rate) => `${rate} %`}
      />
      <TextField label={t("catalog.unit")} value={unit} maxLength={20} onValue={setUnit} />
      <label className="a-check">
        <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
        <span>{t("catalog.active")}</span>
      </label>
      <label className="a-check">
        <input
          type="checkbox"
          checked={soldOut}
          onChange={(event) => setSoldOut(event.target.checked)}
          data-testid="item-dialog-sold-out"
        />
        <span>{t("soldOut.switch")}</span>
      </label>
    </FormDialog>
  );
}
