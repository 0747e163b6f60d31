import { type ReactNode, useEffect, useId, useRef } from "react";
import "./dialog.css";

interface DialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** Buttons shown at the bottom. */
  readonly actions?: ReactNode;
  /** Esc and a click on the backdrop call this; omit it for a dialog that must be answered. */
  readonly onClose?: (() => void) | undefined;
  readonly className?: string | undefined;
  readonly testId?: string;
}

const FOCUS_ORDER = ["[data-autofocus]", "input:not([type=radio])", "button.primary", "button"] as const;

/** A modal dialog: the backdrop blocks the screen, focus moves inside, Esc closes it. */
export function Dialog({ title, children, actions, onClose, className, testId }: DialogProps) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const panel = panelRef.current;
    if (panel === null) return;
    if (panel.contains(document.activeElement)) return;
    // The most useful control first: one marked for it, a field to type in, the main action.
    const first = FOCUS_ORDER.map((selector) => panel.querySelector<HTMLElement>(selector)).find(
      (element) => element !== null,
    );
    (first ?? panel).focus();
  }, []);

  useEffect(() => {
    if (onClose === undefined) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [onClose]);

  return (
    <div
      className="dialog-backdrop"
      onPointerDown={(event) => event.target === event.currentTarget && onClose?.()}
    >
      <div
        ref={panelRef}
        className={className === undefined ? "dialog" : `dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        {actions === undefined ? null : <div className="dialog-actions">{actions}</div>}
      </div>
    </div>
  );
}
