interface AreaTabsProps {
  /** The areas, in the order to show them. */
  readonly areas: readonly { readonly id: string; readonly name: string }[];
  /** The chosen area's id; null for all of them. */
  readonly selected: string | null;
  readonly onSelect: (areaId: string | null) => void;
  /** The first tab's label, for every area at once. */
  readonly allLabel: string;
  /** The tab list's accessible name, if it is given one. */
  readonly label?: string;
}

/** Tabs that narrow a table map to one area ("Trong nhà", "Sân vườn") or show them all. */
export function AreaTabs({ areas, selected, onSelect, allLabel, label }: AreaTabsProps) {
  const tabs = [{ id: null, name: allLabel }, ...areas];
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((area) => (
        <button
          type="button"
          role="tab"
          key={area.id ?? ""}
          aria-selected={selected === area.id}
          className={selected === area.id ? "tab selected" : "tab"}
          onClick={() => onSelect(area.id)}
        >
          {area.name}
        </button>
      ))}
    </div>
  );
}
