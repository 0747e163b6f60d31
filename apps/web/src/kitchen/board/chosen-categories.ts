import { useCallback, useState } from "react";

const STORAGE_KEY = "quay.kitchen.categories";

function load(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/**
 * The categories this screen makes, remembered on this device (the bar's tablet keeps "Cà phê,
 * Trà", the kitchen's "Bánh"); none chosen means every category.
 */
export function useChosenCategories(): [readonly string[], (categoryId: string) => void, () => void] {
  const [chosen, setChosen] = useState<string[]>(load);
  const save = useCallback((next: string[]) => {
    setChosen(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const toggle = useCallback(
    (categoryId: string) =>
      save(chosen.includes(categoryId) ? chosen.filter((id) => id !== categoryId) : [...chosen, categoryId]),
    [chosen, save],
  );
  const clear = useCallback(() => save([]), [save]);
  return [chosen, toggle, clear];
}
