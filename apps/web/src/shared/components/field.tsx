import type { ReactNode } from "react";
import "./field.css";

interface FieldProps {
  readonly label: string;
  /** The one control the label names: an input or a select. */
  readonly children: ReactNode;
  /** The label on the control's left rather than above it. */
  readonly inline?: boolean;
}

/** A form control with its label above it; a tap on the label focuses the control. */
export function Field({ label, children, inline = false }: FieldProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control it labels comes in as children
    <label className={inline ? "field inline" : "field"}>
      <span>{label}</span>
      {children}
    </label>
  );
}
