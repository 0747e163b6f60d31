import { TextField } from "../../shared/components/text-field.js";

interface ReasonChoiceProps {
  /** The question, shown above the chips ("Lý do"). */
  readonly label: string;
  /** The usual reasons, in the cashier's words: a tap puts one in the field below. */
  readonly reasons: readonly string[];
  /** The label of the field where any other reason is typed. */
  readonly otherLabel: string;
  readonly reason: string;
  readonly onChange: (reason: string) => void;
}

/** Why something is done (a void, cash out of the drawer): a tap on a usual reason, or typed. */
export function ReasonChoice({ label, reasons, otherLabel, reason, onChange }: ReasonChoiceProps) {
  return (
    <>
      <fieldset className="chips" aria-label={label}>
        <legend>{label}</legend>
        {reasons.map((text) => (
          <button
            type="button"
            key={text}
            className={reason === text ? "chip selected" : "chip"}
            aria-pressed={reason === text}
            onClick={() => onChange(text)}
          >
            {text}
          </button>
        ))}
      </fieldset>
      <TextField label={otherLabel} value={reason} maxLength={200} onValue={onChange} />
    </>
  );
}
