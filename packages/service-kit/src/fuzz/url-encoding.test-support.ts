/** Test support, not shipped code: URLs as the contract fuzzer writes them. */

/** A path segment as a client would encode it; text that cannot be encoded goes as it is. */
export function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

/** A query object as a browser writes it: arrays repeat the key, objects go as JSON. */
export function encodeQuery(values: unknown): string {
  if (values === undefined || values === null) return "";
  if (typeof values !== "object") return `q=${encodeSegment(String(values))}`;
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = item !== null && typeof item === "object" ? JSON.stringify(item) : String(item);
      pairs.push(`${encodeSegment(key)}=${encodeSegment(text)}`);
    }
  }
  return pairs.join("&");
}
