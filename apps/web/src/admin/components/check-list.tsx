import "./check-list.css";

interface CheckListProps<Option extends string> {
  /** The question, shown above the choices ("Nhóm món"). */
  readonly label: string;
  /** Checkboxes (any number of answers) or radio buttons (one, named `name`). */
  readonly type: "checkbox" | "radio";
  readonly name?: string;
  readonly options: readonly { readonly value: Option; readonly label: string }[];
  readonly checked: (value: Option) => boolean;
  /** A box ticked (`true`) or cleared, or a radio button chosen (`true`). */
  readonly onChange: (value: Option, on: boolean) => void;
  /** A line under the choices that says what they do. */
  readonly help: string;
  readonly testId: string;
}

/** A question answered by ticking boxes or choosing one of a few long answers, one per line. */
export function CheckList<Option extends string>({
  label,
  type,
  name,
  options,
  checked,
  onChange,
  help,
  testId,
}: CheckListProps<Option>) {
  return (
    <fieldset className="a-checks" data-testid={testId}>
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="a-check">
          <input
            type={type}
            name={name}
            value={option.value}
            checked={checked(option.value)}
            onChange={(event) => onChange(option.value, event.target.checked)}
          />
          <span>{option.label}</span>
        </label>
      ))}
      <span className="muted small">{help}</span>
    </fieldset>
  );
}
