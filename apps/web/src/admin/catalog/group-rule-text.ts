import type { OptionGroup } from "../api/admin-types.js";
import type { AdminText } from "../i18n/admin-text.js";

/** How a group is chosen, in the manager's words: "chọn 1, bắt buộc", "tối đa 2". */
export function groupRuleText(group: Pick<OptionGroup, "minChoices" | "maxChoices">, t: AdminText): string {
  if (group.minChoices === 0) return t("optionGroups.upTo", { max: group.maxChoices });
  return group.maxChoices === 1
    ? t("optionGroups.pickOneRequired")
    : t("optionGroups.requiredUpTo", { max: group.maxChoices });
}
