import { MAX_GROUP_CHOICES, MAX_GROUP_OPTIONS, MAX_OPTION_PRICE } from "@quay/core";
import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import { formatThousands } from "../../shared/money/format-money.js";
import type { OptionGroup } from "../api/admin-types.js";
import { AddButton } from "../components/add-button.js";
import { FormDialog } from "../components/form-dialog.js";
import { NameField } from "../components/name-field.js";
import { RowButton } from "../components/row-buttons.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import {
  GROUP_NAME_CHARS,
  newOptionRow,
  type OptionRow,
  optionGroupFields,
  optionGroupForm,
  optionGroupProblem,
} from "./option-group-form.js";
import { OptionPriceInput } from "./option-price-input.js";

interface OptionGroupDialogProps {
  /** The group to change; null to add one. */
  readonly group: OptionGroup | null;
  /** The order a new group takes: after the others. */
  readonly nextSortOrder: number;
  readonly onDone: () => void;
  readonly onClose: () => void;
}

const CHOICE_COUNTS = Array.from({ length: MAX_GROUP_CHOICES }, (_, index) => index + 1);

/**
 * Adds or changes a shared option group: its name, whether one choice is required, how many may
 * be chosen, and its options as rows (name, price added or taken off, on sale).
 */
export function OptionGroupDialog({ group, nextSortOrder, onDone, onClose }: OptionGroupDialogProps) {
  const t = useText();
  const { api, storeId } = useStore();
  const [form, setForm] = useState(() => optionGroupForm(group));
  // Problems show once a save was tried: a new row is blank while it is being filled in.
  const [tried, setTried] = useState(false);
  const problem = optionGroupProblem(form);

  const changeRow = (key: string, change: Partial<OptionRow>) =>
    setForm({
      ...form,
      options: form.options.map((row) => (row.key === key ? { ...row, ...change } : row)),
    });

  const save = () => {
    setTried(true);
    if (problem !== null) return null;
    const fields = optionGroupFields(form, group?.sortOrder ?? nextSortOrder);
    return group === null
      ? api.createEntry(storeId, "optionGroups", fields)
      : api.updateEntry("optionGroups", group.id, fields);
  };

  return (
    <FormDialog
      title={group === null ? t("optionGroups.newGroup") : t("optionGroups.editGroup")}
      name="option-group"
      wide
      ready={form.name.trim() !== ""}
      save={save}
      onDone={onDone}
      onClose={onClose}
    >
      <NameField
        label={t("optionGroups.name")}
        value={form.name}
        onValue={(name) => setForm({ ...form, name })}
        maxLength={GROUP_NAME_CHARS}
        testId="option-group-name"
      />
      <label className="a-check">
        <input
          type="checkbox"
          checked={form.required}
          onChange={(event) => setForm({ ...form, required: event.target.checked })}
          data-testid="option-group-required"
        />
        <span>{t("optionGroups.required")}</span>
      </label>
      <Field label={t("optionGroups.maxChoices")}>
        <select
          className="a-minutes"
          value={form.maxChoices}
          onChange={(event) => setForm({ ...form, maxChoices: Number(event.target.value) })}
          data-testid="option-group-max"
        >
          {CHOICE_COUNTS.map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="a-option-rows" data-testid="option-rows">
        <legend>{t("optionGroups.options")}</legend>
        {form.options.map((row, index) => {
          const rowName = row.name.trim() || String(index + 1);
          return (
            <div key={row.key} className="a-option-row" data-testid="option-row">
              <input
                aria-label={`${t("optionGroups.optionName")} ${index + 1}`}
                placeholder={t("optionGroups.optionName")}
                maxLength={GROUP_NAME_CHARS}
                value={row.name}
                onChange={(event) => changeRow(row.key, { name: event.target.value })}
                data-testid="option-name"
              />
              <OptionPriceInput
                value={row.price}
                onChange={(price) => changeRow(row.key, { price })}
                label={`${t("optionGroups.optionPrice")}: ${rowName}`}
                testId="option-price"
              />
              <label className="a-check">
                <input
                  type="checkbox"
                  checked={row.active}
                  onChange={(event) => changeRow(row.key, { active: event.target.checked })}
                  aria-label={`${t("optionGroups.optionActive")}: ${rowName}`}
                />
                <span>{t("optionGroups.optionActive")}</span>
              </label>
              <RowButton
                kind="delete"
                name={rowName}
                onClick={() =>
                  setForm({ ...form, options: form.options.filter((held) => held.key !== row.key) })
                }
                testId="option-remove"
              />
            </div>
          );
        })}
        <div>
          <AddButton
            label={t("optionGroups.addOption")}
            tone="secondary"
            onClick={() => setForm({ ...form, options: [...form.options, newOptionRow()] })}
            disabled={form.options.length >= MAX_GROUP_OPTIONS}
            testId="option-add"
          />
        </div>
        <span className="muted small">{t("optionGroups.priceHelp")}</span>
      </fieldset>
      {tried && problem !== null ? (
        <p className="form-error" data-testid="option-group-problem">
          {t(`optionGroups.problems.${problem}`, {
            max: problem === "maxChoicesInvalid" ? MAX_GROUP_CHOICES : MAX_GROUP_OPTIONS,
            limit: formatThousands(MAX_OPTION_PRICE),
          })}
        </p>
      ) : null}
    </FormDialog>
  );
}
