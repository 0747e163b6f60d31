import { type ReactNode, useState } from "react";
import { TextField } from "../../shared/components/text-field.js";
import { FormDialog } from "../components/form-dialog.js";
import { NameField } from "../components/name-field.js";
import { useText } from "../i18n/admin-text.js";

interface NameDialogProps {
  readonly title: string;
  readonly name: string;
  readonly sortOrder: number;
  /** Extra fields (a table's area). */
  readonly children?: ReactNode;
  readonly onSave: (fields: { name: string; sortOrder: number }) => Promise<unknown>;
  readonly onDone: () => void;
  readonly onClose: () => void;
}

/** Adds or renames a named entry with an order: a category, an area, a table. */
export function NameDialog({ title, name, sortOrder, children, onSave, onDone, onClose }: NameDialogProps) {
  const t = useText();
  const [text, setText] = useState(name);
  const [order, setOrder] = useState(String(sortOrder));
  return (
    <FormDialog
      title={title}
      name="name"
      ready={text.trim() !== ""}
      save={() => onSave({ name: text.trim(), sortOrder: Number.parseInt(order, 10) || 0 })}
      onDone={onDone}
      onClose={onClose}
    >
      <NameField value={text} onValue={setText} maxLength={80} testId="name-input" />
      {children}
      <TextField label={t("catalog.sortOrder")} inputMode="numeric" value={order} onValue={setOrder} />
    </FormDialog>
  );
}
