import type { ReactNode } from "react";
import type { Area } from "../api/station-types.js";
import { TileGrid } from "./tile-grid.js";

interface TilesByAreaProps<T extends { readonly id: string }> {
  readonly areas: readonly Area[];
  /** The tables (or tables with their orders) to tap; an area with none is left out. */
  readonly items: readonly T[];
  readonly areaOf: (item: T) => string;
  /** Each area's heading; its name by default. */
  readonly heading?: (area: Area) => ReactNode;
  /** Keeps two lists of the same areas apart in one dialog ("busy-"). */
  readonly keyPrefix?: string;
  readonly tileClassName: string;
  readonly onSelect: (item: T) => void;
  readonly disabled: boolean;
  readonly children: (item: T) => ReactNode;
}

/** A dialog's tables to tap, area by area (moving an order, merging one in). */
export function TilesByArea<T extends { readonly id: string }>(props: TilesByAreaProps<T>) {
  const { areas, items, areaOf, heading, keyPrefix = "", ...grid } = props;
  return areas.map((area) => {
    const inArea = items.filter((item) => areaOf(item) === area.id);
    if (inArea.length === 0) return null;
    return (
      <section key={`${keyPrefix}${area.id}`} className="area">
        <h3>{heading ? heading(area) : area.name}</h3>
        <TileGrid items={inArea} compact {...grid} />
      </section>
    );
  });
}
