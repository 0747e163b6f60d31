/** A single-row `INSERT … VALUES (…) <tail>` cut around its tuple, which is cut at its `?`s. */
interface InsertShape {
  readonly head: string;
  readonly tupleParts: readonly string[];
  readonly tail: string;
}

/** One entry per distinct insert of the scripts: a fixed, small set. */
const shapes = new Map<string, InsertShape>();

function shapeOf(sql: string): InsertShape {
  let shape = shapes.get(sql);
  if (shape === undefined) {
    const match = /\bVALUES\s*\(([^)]*)\)/i.exec(sql);
    if (match?.[1] === undefined) throw new Error(`not a single-row INSERT … VALUES (…): ${sql}`);
    shape = {
      head: sql.slice(0, match.index),
      tupleParts: match[1].split("?"),
      tail: sql.slice(match.index + match[0].length),
    };
    shapes.set(sql, shape);
  }
  return shape;
}

/**
 * `sql`, a single-row `INSERT … VALUES (?, …) <tail>` whose parameters are all in its tuple, with
 * `rowCount` tuples instead of one. Placeholders stay `?` (SQLite) or are numbered `$1, $2…`
 * across the tuples (PostgreSQL); the rows' values bind flattened, in order.
 */
export function multiRowInsert(sql: string, rowCount: number, placeholders: "?" | "$n"): string {
  const { head, tupleParts, tail } = shapeOf(sql);
  const width = tupleParts.length - 1;
  const tuples = new Array<string>(rowCount);
  for (let row = 0; row < rowCount; row++) {
    let tuple = `(${tupleParts[0]}`;
    for (let column = 0; column < width; column++) {
      tuple += placeholders === "?" ? "?" : `$${row * width + column + 1}`;
      tuple += tupleParts[column + 1];
    }
    tuples[row] = `${tuple})`;
  }
  return `${head}VALUES ${tuples.join(", ")}${tail}`;
}
