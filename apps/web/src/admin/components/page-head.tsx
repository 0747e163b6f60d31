import type { ReactNode } from "react";
import { AddButton } from "./add-button.js";

interface PageHeadProps {
  readonly title: string;
  /** A line beside the title, in small grey: what the page shows, as of when. */
  readonly note?: ReactNode;
  /** The page's main addition ("+ Thêm khu vực"): the dialog of a new entry. */
  readonly add?: { readonly label: string; readonly onClick: () => void; readonly testId?: string };
}

/** The head of a back-office page: its title, a note, and the button that adds to it. */
export function PageHead({ title, note, add }: PageHeadProps) {
  return (
    <div className="a-page-head">
      <h1>{title}</h1>
      {note === undefined ? null : <span className="muted small">{note}</span>}
      {add === undefined ? null : <AddButton tone="primary" {...add} />}
    </div>
  );
}
