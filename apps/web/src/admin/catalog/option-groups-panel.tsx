import { useState } from "react";
import { SignedMoney } from "../../shared/money/signed-money.js";
import type { Catalog, OptionGroup } from "../api/admin-types.js";
import { AddButton } from "../components/add-button.js";
import { ConfirmDialog } from "../components/confirm-dialog.js";
import { DataTable } from "../components/data-table.js";
import { EditDeleteButtons } from "../components/row-buttons.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { groupRuleText } from "./group-rule-text.js";
import { OptionGroupDialog } from "./option-group-dialog.js";

type Editing =
  | { readonly kind: "edit"; readonly group: OptionGroup | null }
  | { readonly kind: "delete"; readonly group: OptionGroup };

interface OptionGroupsPanelProps {
  readonly catalog: Catalog;
  /** Called once a group was added, changed or deleted. */
  readonly onChanged: () => void;
}

/** The store's shared option groups (sizes, toppings): how each is chosen and its options' prices. */
export function OptionGroupsPanel({ catalog, onChanged }: OptionGroupsPanelProps) {
  const t = useText();
  const { api } = useStore();
  const [editing, setEditing] = useState<Editing | null>(null);
  // The server's IN_USE says only that it is in use: say what to do about it.
  const action = useAction({ IN_USE: t("optionGroups.inUse") });
  const groups = [...(catalog.optionGroups ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  const deleting = editing?.kind === "delete" ? editing.group : null;
  const deletingUsers =
    deleting === null
      ? []
      : catalog.items.filter((item) => item.optionGroupIds?.includes(deleting.id)).map((item) => item.name);

  const done = () => {
    setEditing(null);
    onChanged();
  };
  const close = () => setEditing(null);

  return (
    <section className="a-panel" data-testid="option-groups">
      <div className="a-panel-head">
        <h2>{t("optionGroups.title")}</h2>
        <span className="muted small">{t("optionGroups.note")}</span>
        <AddButton
          label={t("optionGroups.add")}
          tone="secondary"
          onClick={() => setEditing({ kind: "edit", group: null })}
          testId="option-group-add"
        />
      </div>
      {groups.length === 0 ? <p className="muted">{t("optionGroups.none")}</p> : null}
      <DataTable
        hidden={groups.length === 0}
        columns={[
          { label: t("optionGroups.name") },
          { label: t("optionGroups.rule") },
          { label: t("optionGroups.options") },
          { label: t("common.edit"), hidden: true },
        ]}
      >
        {groups.map((group) => (
          <tr key={group.id} data-testid="option-group" data-group={group.name}>
            <td>{group.name}</td>
            <td data-testid="option-group-rule">{groupRuleText(group, t)}</td>
            <td>
              <ul className="a-option-list">
                {group.options.map((option) => (
                  <li key={option.id} className={option.active ? "" : "inactive"}>
                    {option.name} <SignedMoney amount={option.price} />
                  </li>
                ))}
              </ul>
            </td>
            <td>
              {/* A row of several lines: the buttons sit in a box of their own, the cell stays a cell. */}
              <div className="a-row-actions">
                <EditDeleteButtons
                  name={group.name}
                  onEdit={() => setEditing({ kind: "edit", group })}
                  onDelete={() => setEditing({ kind: "delete", group })}
                  testId="option-group"
                />
              </div>
            </td>
          </tr>
        ))}
      </DataTable>

      {editing?.kind === "edit" ? (
        <OptionGroupDialog
          group={editing.group}
          nextSortOrder={groups.length + 1}
          onDone={done}
          onClose={close}
        />
      ) : null}
      {deleting === null ? null : (
        <ConfirmDialog
          title={t("common.confirmDelete", { name: deleting.name })}
          message={
            deletingUsers.length === 0 ? "" : t("optionGroups.usedBy", { items: deletingUsers.join(", ") })
          }
          confirmLabel={t("common.delete")}
          action={action}
          change={() => api.deleteEntry("optionGroups", deleting.id)}
          onDone={done}
          onClose={close}
        />
      )}
    </section>
  );
}
