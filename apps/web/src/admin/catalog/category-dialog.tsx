import { useState } from "react";
import type { Category } from "../api/admin-types.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { NameDialog } from "./name-dialog.js";
import { NoteChipsField } from "./note-chips-field.js";

interface CategoryDialogProps {
  /** The category to change; null to add one. */
  readonly category: Category | null;
  /** The order a new category takes: after the others. */
  readonly nextSortOrder: number;
  readonly onDone: () => void;
  readonly onClose: () => void;
}

/** Adds or changes a menu category: its name, its place in the list and its quick notes. */
export function CategoryDialog({ category, nextSortOrder, onDone, onClose }: CategoryDialogProps) {
  const t = useText();
  const { api, storeId } = useStore();
  const [noteChips, setNoteChips] = useState<readonly string[]>(category?.noteChips ?? []);
  return (
    <NameDialog
      title={category === null ? t("catalog.newCategory") : t("catalog.editCategory")}
      name={category?.name ?? ""}
      sortOrder={category?.sortOrder ?? nextSortOrder}
      onSave={(fields) => {
        const changes = { ...fields, noteChips: [...noteChips] };
        return category === null
          ? api.createEntry(storeId, "categories", changes)
          : api.updateEntry("categories", category.id, changes);
      }}
      onDone={onDone}
      onClose={onClose}
    >
      <NoteChipsField chips={noteChips} onChips={setNoteChips} />
    </NameDialog>
  );
}
