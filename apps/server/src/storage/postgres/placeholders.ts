const converted = new Map<string, string>();

/** Rewrites the scripts' `?` placeholders as PostgreSQL's `$1, $2…` (quoted text is left alone). */
export function toPostgresPlaceholders(sql: string): string {
  const cached = converted.get(sql);
  if (cached !== undefined) return cached;
  let out = "";
  let index = 0;
  let quoted = false;
  for (const char of sql) {
    if (char === "'") quoted = !quoted;
    if (char === "?" && !quoted) {
      index += 1;
      out += `$${index}`;
    } else {
      out += char;
    }
  }
  if (converted.size < 2_000) converted.set(sql, out);
  return out;
}

/**
 * Turns a single-row `INSERT … VALUES (?, …) <tail>` into one with `rowCount` tuples, numbered
 * for PostgreSQL. Returns the statement and how many parameters one row takes.
 */
export function multiRowInsert(sql: string, rowCount: number): { sql: string; width: number } {
  const match = /\bVALUES\s*\(([^)]*)\)/i.exec(sql);
  if (!match) throw new Error(`not a single-row INSERT … VALUES (…): ${sql}`);
  const width = (match[1]?.match(/\?/g) ?? []).length;
  const tuples: string[] = [];
  for (let row = 0; row < rowCount; row++) {
    const base = row * width;
    tuples.push(`(${Array.from({ length: width }, (_, column) => `$${base + column + 1}`).join(", ")})`);
  }
  const head = sql.slice(0, match.index);
  const tail = sql.slice(match.index + match[0].length);
  return { sql: `${head}VALUES ${tuples.join(", ")}${tail}`, width };
}
