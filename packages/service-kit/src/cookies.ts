/**
 * The value of cookie `name` in a `Cookie` header, or null. A value that does not decode
 * (`%ZZ`, broken UTF-8) is no value: a client's garbled cookie is a missing credential, never
 * a crash.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("=")) || null;
    } catch {
      return null;
    }
  }
  return null;
}
