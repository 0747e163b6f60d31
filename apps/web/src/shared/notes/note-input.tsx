interface NoteInputProps {
  /** The field's label ("Ghi chú"). */
  readonly label: string;
  readonly placeholder: string;
  readonly note: string;
  readonly onChange: (note: string) => void;
  /** The label's class: `field` stacks the label over the input; the cashier sets them side by side. */
  readonly className?: string;
}

/** The longest note an order line takes (the protocol's `note` schema). */
const NOTE_MAX_LENGTH = 200;

/** The typed note of an item ("ít đá, không đường"), next to its one-tap chips. */
export function NoteInput({ label, placeholder, note, onChange, className = "field" }: NoteInputProps) {
  return (
    <label className={className}>
      <span>{label}</span>
      <input
        value={note}
        maxLength={NOTE_MAX_LENGTH}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        data-testid="note-input"
      />
    </label>
  );
}
