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
