import type { ReactNode } from "react";
import "./tile-grid.css";

interface TileGridProps<T extends { readonly id: string }> {
  readonly items: readonly T[];
  /** The class of every tile: `item-tile`, `table-tile`, … */
  readonly tileClassName: string;
  readonly onSelect: (item: T) => void;
  readonly disabled?: boolean;
  /** Smaller tiles, to fit a dialog. */
  readonly compact?: boolean;
  /** What stands in place of the grid when there are no items. */
  readonly empty?: ReactNode;
  /** The data attributes of one tile (what tests find it by). */
  readonly tileData?: (item: T) => Readonly<Record<`data-${string}`, string>>;
  /** What one tile shows. */
  readonly children: (item: T) => ReactNode;
  /** A tile that cannot be tapped now (a sold-out item), besides `disabled`. */
  readonly tileDisabled?: (item: T) => boolean;
  /** A class added to one tile's (`sold-out`, …). */
  readonly tileModifier?: (item: T) => string | null;
}

/** Things to tap, one big tile each: the items of the menu, take-away orders, tables to move to. */
export function TileGrid<T extends { readonly id: string }>({
  items,
  tileClassName,
  onSelect,
  disabled = false,
  compact = false,
  empty = null,
  tileData,
  children,
  tileDisabled,
  tileModifier,
}: TileGridProps<T>) {
  if (items.length === 0) return empty;
  return (
    <div className={compact ? "tile-grid compact" : "tile-grid"}>
      {items.map((item) => {
        const modifier = tileModifier?.(item);
        return (
          <button
            type="button"
            key={item.id}
            className={modifier ? `${tileClassName} ${modifier}` : tileClassName}
            disabled={disabled || (tileDisabled?.(item) ?? false)}
            onClick={() => onSelect(item)}
            {...tileData?.(item)}
          >
            {children(item)}
          </button>
        );
      })}
    </div>
  );
}
