import { useId } from "react";
import "./segmented-choice.css";

interface SegmentedChoiceProps<Option extends string | number> {
  /** The question, shown above the segments and read out as the group's name ("Chế độ"). */
  readonly label: string;
  /** The answers, left to right. */
  readonly options: readonly Option[];
  readonly value: Option;
  readonly onChange: (option: Option) => void;
  /** What a segment says for its answer ("Online", "8 %"). */
  readonly optionLabel: (option: Option) => string;
}

/** One answer out of a few, as a row of joined segments (radio buttons underneath). */
export function SegmentedChoice<Option extends string | number>({
  label,
  options,
  value,
  onChange,
  optionLabel,
}: SegmentedChoiceProps<Option>) {
  // The radios' group name: unique on the page by construction, so two choices never share one.
  const name = useId();
  return (
    <fieldset className="segmented" aria-label={label}>
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option} className={value === option ? "segment selected" : "segment"}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {optionLabel(option)}
        </label>
      ))}
    </fieldset>
  );
}
