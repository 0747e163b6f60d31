import { type ReactNode, useState } from "react";
import { Field } from "../../shared/components/field.js";
import { FormDialog } from "../components/form-dialog.js";
import { useAction } from "../components/use-action.js";
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
  const action = useAction();
  const [text, setText] = useState(name);
  const [order, setOrder] = useState(String(sortOrder));
  const save = async () => {
    if (await action.run(() => onSave({ name: text.trim(), sortOrder: Number.parseInt(order, 10) || 0 })))
      onDone();
  };
  return (
    <FormDialog
      title={title}
      testId="name-dialog"
      saveTestId="name-save"
      action={action}
      ready={text.trim() !== ""}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Field label={t("catalog.name")}>
        <input
          value={text}
          maxLength={80}
          onChange={(event) => setText(event.target.value)}
          data-testid="name-input"
        />
      </Field>
      {children}
      <Field label={t("catalog.sortOrder")}>
        <input inputMode="numeric" value={order} onChange={(event) => setOrder(event.target.value)} />
      </Field>
    </FormDialog>
  );
}
