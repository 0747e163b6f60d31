import { type ReactNode, useState } from "react";
import { DayField } from "../../shared/components/day-field.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import { type DayRange, isValidRange, localToday, PRESETS, type Preset, presetRange } from "./date-range.js";

interface RangePickerProps {
  readonly timeZone: string;
  /** The range shown now: a preset picked or the days typed take effect at once, or on submit. */
  readonly onRange: (range: DayRange) => void;
  readonly submitLabel: string;
  /** The prefix of its test ids: `<prefix>-from`, `<prefix>-to`, `<prefix>-show`. */
  readonly testId: string;
  /** The range the page starts with, as `initialRange` gives it. */
  readonly initial: DayRange;
}

/** The range a page starts with: a preset counted from today in the store's time zone. */
export function initialRange(preset: Preset, timeZone: string): DayRange {
  return presetRange(preset, localToday(timeZone));
}

/** The store's days a page covers: preset chips, or the first and last day typed in. */
export function RangePicker({ timeZone, onRange, submitLabel, testId, initial }: RangePickerProps) {
  const t = useText();
  const [draft, setDraft] = useState<DayRange>(initial);
  const valid = isValidRange(draft);
  const choosePreset = (preset: Preset) => {
    const chosen = presetRange(preset, localToday(timeZone));
    setDraft(chosen);
    onRange(chosen);
  };
  return (
    <form
      className="a-range"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onRange(draft);
      }}
    >
      <div className="chips">
        {PRESETS.map((preset) => (
          <button type="button" key={preset} className="chip" onClick={() => choosePreset(preset)}>
            {t(`reports.presets.${preset}`)}
          </button>
        ))}
      </div>
      <DayField
        label={t("reports.from")}
        value={draft.from}
        onValue={(from) => setDraft({ ...draft, from })}
        testId={`${testId}-from`}
      />
      <DayField
        label={t("reports.to")}
        value={draft.to}
        onValue={(to) => setDraft({ ...draft, to })}
        testId={`${testId}-to`}
      />
      <button type="submit" className="primary" disabled={!valid} data-testid={`${testId}-show`}>
        {submitLabel}
      </button>
      {valid ? null : <p className="form-error">{t("reports.badRange")}</p>}
    </form>
  );
}

/**
 * A page's range of days and the picker that sets it, starting at `preset` in the store's time
 * zone: `const { range, picker } = useRangePicker("last7", t("reports.show"), "report")`.
 */
export function useRangePicker(
  preset: Preset,
  submitLabel: string,
  testId: string,
): { range: DayRange; picker: ReactNode } {
  const timeZone = storeTimeZone(useStore().catalog);
  const [range, setRange] = useState<DayRange>(() => initialRange(preset, timeZone));
  const picker = (
    <RangePicker
      timeZone={timeZone}
      initial={range}
      onRange={setRange}
      submitLabel={submitLabel}
      testId={testId}
    />
  );
  return { range, picker };
}
