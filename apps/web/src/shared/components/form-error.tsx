import "./field.css";

interface FormErrorProps {
  /** What went wrong, in words for the user; nothing is shown without one. */
  readonly problem: string | null | undefined;
}

/** A refusal or failure next to the form that caused it, announced to screen readers. */
export function FormError({ problem }: FormErrorProps) {
  if (!problem) return null;
  return (
    <p className="form-error" role="alert">
      {problem}
    </p>
  );
}
