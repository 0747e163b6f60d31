import type { InputHTMLAttributes, Ref } from "react";

interface SearchInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "onChange" | "className"> {
  /** Its name to a screen reader, and its placeholder unless `placeholder` says otherwise. */
  readonly label: string;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly className: string;
  readonly ref?: Ref<HTMLInputElement>;
}

/** A search box over a list (the menu, the catalog): what is typed filters as it is typed. */
export function SearchInput({ label, query, onQuery, placeholder = label, ...input }: SearchInputProps) {
  return (
    <input
      {...input}
      type="search"
      placeholder={placeholder}
      aria-label={label}
      value={query}
      onChange={(event) => onQuery(event.target.value)}
    />
  );
}
