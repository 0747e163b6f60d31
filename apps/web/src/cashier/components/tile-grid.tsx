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
  /**
   * A second control on a tile's corner (the "Hết món" toggle): beside the tile's button, never
   * inside it (a button holds no button), laid over its corner.
   */
  readonly corner?: ((item: T) => ReactNode) | undefined;
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
  corner,
}: TileGridProps<T>) {
  if (items.length === 0) return empty;
  const tile = (item: T) => {
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
  };
  return (
    <div className={compact ? "tile-grid compact" : "tile-grid"}>
      {items.map((item) =>
        corner ? (
          <div key={item.id} className="tile-slot">
            {tile(item)}
            {corner(item)}
          </div>
        ) : (
          tile(item)
        ),
      )}
    </div>
  );
}
