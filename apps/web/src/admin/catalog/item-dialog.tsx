import { MAX_ITEM_OPTION_GROUPS, VAT_RATES } from "@quay/core";
import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import { SegmentedChoice } from "../../shared/components/segmented-choice.js";
import { TextField } from "../../shared/components/text-field.js";
import { MoneyInput } from "../../shared/money/money-input.js";
import type { Category, MenuItem, OptionGroup } from "../api/admin-types.js";
import { CheckList } from "../components/check-list.js";
import { FormDialog } from "../components/form-dialog.js";
import { NameField } from "../components/name-field.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { groupRuleText } from "./group-rule-text.js";
import { withGroup } from "./item-option-groups.js";

interface ItemDialogProps {
  /** The item to change; null to add one. */
  readonly item: MenuItem | null;
  readonly categories: readonly Category[];
  /** The store's option groups, to choose the item's from. */
  readonly optionGroups: readonly OptionGroup[];
  readonly defaultCategoryId: string | null;
  readonly onDone: () => void;
  readonly onClose: () => void;
}

/**
 * Adds or changes a menu item: name, category, VAT-inclusive price, VAT rate, unit, its option
 * groups, on sale, sold out.
 */
export function ItemDialog({
  item,
  categories,
  optionGroups,
  defaultCategoryId,
  onDone,
  onClose,
}: ItemDialogProps) {
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
  const [groupIds, setGroupIds] = useState<readonly string[]>(item?.optionGroupIds ?? []);
  const [groupsFull, setGroupsFull] = useState(false);

  const save = () => {
    if (price === null || !Number.isSafeInteger(price)) {
      setPriceProblem(true);
      return null;
    }
    const fields = {
      name: name.trim(),
      categoryId,
      price,
      vatRate,
      unit: unit.trim(),
      active,
      optionGroupIds: [...groupIds],
    };
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
      {optionGroups.length === 0 ? null : (
        <CheckList
          label={t("optionGroups.itemGroups")}
          type="checkbox"
          options={optionGroups.map((group) => ({
            value: group.id,
            label: `${group.name} (${groupRuleText(group, t)})`,
          }))}
          checked={(id) => groupIds.includes(id)}
          onChange={(id, on) => {
            const chosen = withGroup(groupIds, id, on);
            setGroupsFull(chosen === null);
            if (chosen !== null) setGroupIds(chosen);
          }}
          help={t(groupsFull ? "optionGroups.itemGroupsFull" : "optionGroups.itemGroupsHelp", {
            max: MAX_ITEM_OPTION_GROUPS,
          })}
          testId="item-option-groups"
        />
      )}
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
