/**
 * Folds Vietnamese text for searching: lower case, tone and vowel marks removed, đ → d.
 * "Cà phê sữa ĐÁ" → "ca phe sua da".
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function initials(folded: string): string {
  return folded
    .split(/[\s\-/]+/)
    .map((word) => word.charAt(0))
    .join("");
}

/**
 * Whether `name` matches what was typed, ignoring case and diacritics: every typed word must
 * start a word of the name, in any order ("ca phe sua" and "sua ca" find "Cà phê sữa đá"), or a
 * single typed word may spell the name's initials as cashiers do ("cpsd").
 */
export function matchesSearch(name: string, query: string): boolean {
  const foldedQuery = foldDiacritics(query);
  if (foldedQuery === "") return true;
  const foldedName = foldDiacritics(name);
  const nameWords = foldedName.split(/[\s\-/]+/);
  const queryWords = foldedQuery.split(" ");
  const byWords = queryWords.every((queryWord) => nameWords.some((word) => word.startsWith(queryWord)));
  if (byWords) return true;
  if (queryWords.length === 1 && foldedQuery.length >= 2) return initials(foldedName).startsWith(foldedQuery);
  return foldedName.includes(foldedQuery);
}

/** The items whose name matches the query, in their original order. */
export function searchByName<T extends { readonly name: string }>(items: readonly T[], query: string): T[] {
  return items.filter((item) => matchesSearch(item.name, query));
}
