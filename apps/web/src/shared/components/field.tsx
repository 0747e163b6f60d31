import type { ReactNode } from "react";

interface FieldProps {
  readonly label: string;
  /** The one control the label names: an input or a select. */
  readonly children: ReactNode;
}

/** A form control with its label above it; a tap on the label focuses the control. */
export function Field({ label, children }: FieldProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control it labels comes in as children
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}
