import { useTranslation } from "react-i18next";
import { vi } from "../i18n/vi.js";

const COMMON = Object.keys(vi.menu.chips) as (keyof typeof vi.menu.chips)[];

/** The quick notes offered with a category's items: its own (back office), else the common ones. */
export function useNoteChips(categoryChips: readonly string[] | undefined): readonly string[] {
  const { t } = useTranslation();
  return categoryChips !== undefined && categoryChips.length > 0
    ? categoryChips
    : COMMON.map((key) => t(`menu.chips.${key}`));
}
