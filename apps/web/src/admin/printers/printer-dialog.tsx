import { useState } from "react";
import { bySortOrder } from "../../shared/catalog/sort-order.js";
import { SegmentedChoice } from "../../shared/components/segmented-choice.js";
import { TextField } from "../../shared/components/text-field.js";
import type { Printer, PrinterFields } from "../api/admin-types.js";
import { CheckList } from "../components/check-list.js";
import { FormDialog } from "../components/form-dialog.js";
import { NameField } from "../components/name-field.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { printerAddress } from "./printer-address.js";

const KINDS = ["kitchen", "receipt"] as const satisfies readonly Printer["kind"][];
const WIDTHS = [80, 58] as const satisfies readonly Printer["width"][];
const VIETNAMESE = ["tcvn3", "raster"] as const satisfies readonly Printer["vietnamese"][];

interface PrinterDialogProps {
  /** The printer to change; null to add one. */
  readonly printer: Printer | null;
  readonly onDone: () => void;
  readonly onClose: () => void;
}

/** Adds a printer or changes one: where it is, what it prints, its paper and how it writes Vietnamese. */
export function PrinterDialog({ printer, onDone, onClose }: PrinterDialogProps) {
  const t = useText();
  const { api, storeId, catalog } = useStore();
  const [name, setName] = useState(printer?.name ?? "");
  const [address, setAddress] = useState(printer?.address ?? "");
  const [kind, setKind] = useState<Printer["kind"]>(printer?.kind ?? "kitchen");
  const [categoryIds, setCategoryIds] = useState<ReadonlySet<string>>(new Set(printer?.categoryIds));
  const [width, setWidth] = useState<Printer["width"]>(printer?.width ?? 80);
  const [vietnamese, setVietnamese] = useState<Printer["vietnamese"]>(printer?.vietnamese ?? "raster");
  const [active, setActive] = useState(printer?.active ?? true);
  const normalized = printerAddress(address);
  const addressProblem = address.trim() !== "" && normalized === null;
  const categories = bySortOrder(catalog?.categories ?? []);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(categoryIds);
    if (on) next.add(id);
    else next.delete(id);
    setCategoryIds(next);
  };

  const save = () => {
    if (normalized === null) return null;
    const fields: PrinterFields = {
      name: name.trim(),
      address: normalized,
      kind,
      // A receipt printer makes no tickets: it keeps no categories.
      categoryIds: kind === "kitchen" ? categories.flatMap((c) => (categoryIds.has(c.id) ? [c.id] : [])) : [],
      width,
      vietnamese,
      active,
    };
    return printer === null ? api.createPrinter(storeId, fields) : api.updatePrinter(printer.id, fields);
  };

  return (
    <FormDialog
      title={printer === null ? t("printers.newPrinter") : t("printers.editPrinter")}
      name="printer"
      ready={name.trim() !== "" && normalized !== null}
      save={save}
      onDone={onDone}
      onClose={onClose}
    >
      <NameField
        label={t("printers.name")}
        value={name}
        onValue={setName}
        maxLength={80}
        placeholder={t("printers.namePlaceholder")}
        testId="printer-name"
      />
      <div className="field">
        <TextField
          label={t("printers.address")}
          value={address}
          inputMode="url"
          autoCapitalize="none"
          autoComplete="off"
          placeholder="tcp://192.168.1.50:9100"
          onValue={setAddress}
          testId="printer-address"
        />
        {addressProblem ? (
          <span className="form-error">{t("printers.addressInvalid")}</span>
        ) : (
          <span className="muted small">{t("printers.addressHelp")}</span>
        )}
      </div>
      <SegmentedChoice
        label={t("printers.kind")}
        options={KINDS}
        value={kind}
        onChange={setKind}
        optionLabel={(option) => t(`printers.kinds.${option}`)}
      />
      {kind === "kitchen" ? (
        <CheckList
          label={t("printers.categories")}
          type="checkbox"
          options={categories.map((category) => ({ value: category.id, label: category.name }))}
          checked={(id) => categoryIds.has(id)}
          onChange={toggle}
          help={t("printers.categoriesHelp")}
          testId="printer-categories"
        />
      ) : null}
      <SegmentedChoice
        label={t("printers.width")}
        options={WIDTHS}
        value={width}
        onChange={setWidth}
        optionLabel={(option) => `${option} mm`}
      />
      <CheckList
        label={t("printers.vietnamese")}
        type="radio"
        name="printer-vietnamese"
        options={VIETNAMESE.map((mode) => ({ value: mode, label: t(`printers.vietnameseModes.${mode}`) }))}
        checked={(mode) => vietnamese === mode}
        onChange={setVietnamese}
        help={t("printers.vietnameseHelp")}
        testId="printer-vietnamese"
      />
      <label className="a-check">
        <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
        <span>{t("printers.active")}</span>
      </label>
    </FormDialog>
  );
}
