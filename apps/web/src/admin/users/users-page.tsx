import { useState } from "react";
import type { StaffUser } from "../api/admin-types.js";
import { useLoad } from "../api/use-load.js";
import { DataTable } from "../components/data-table.js";
import { LoadError } from "../components/load-error.js";
import { PageHead } from "../components/page-head.js";
import { RowButton } from "../components/row-buttons.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { manageableRoles } from "./manageable-roles.js";
import { UserDialog } from "./user-dialog.js";
import "./users.css";

/** The store's staff: roles, PINs for counter approvals, locked accounts. */
export function UsersPage() {
  const t = useText();
  const { api, storeId, session } = useStore();
  const users = useLoad(() => api.users(storeId), storeId);
  const [editing, setEditing] = useState<{ user: StaffUser | null } | null>(null);
  const mayManage = (user: StaffUser) =>
    user.id === session.user.id || manageableRoles(session.user.role).includes(user.role);

  return (
    <div className="a-page">
      <PageHead
        title={t("users.title")}
        add={{ label: t("users.add"), onClick: () => setEditing({ user: null }), testId: "user-add" }}
      />
      <LoadError error={users.error} />
      <DataTable
        frameClassName="a-panel"
        columns={[
          { label: t("users.name") },
          { label: t("users.username") },
          { label: t("users.role") },
          { label: "PIN" },
          { label: t("users.status") },
          { label: t("common.edit"), hidden: true },
        ]}
      >
        {(users.data ?? []).map((user) => (
          <tr
            key={user.id}
            data-testid="user-row"
            data-username={user.username}
            className={user.active ? "" : "inactive"}
          >
            <td>
              {user.name}{" "}
              {user.id === session.user.id ? <span className="muted small">{t("users.you")}</span> : null}
            </td>
            <td>{user.username}</td>
            <td>
              <span className={`badge role-${user.role}`}>{t(`users.roles.${user.role}`)}</span>
            </td>
            <td>{user.hasPin ? t("users.pinSet") : <span className="muted">{t("users.pinNone")}</span>}</td>
            <td>{user.active ? t("users.active") : t("users.inactive")}</td>
            <td className="a-row-actions">
              {mayManage(user) ? (
                <RowButton kind="edit" name={user.name} onClick={() => setEditing({ user })} />
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {editing === null ? null : (
        <UserDialog
          user={editing.user}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            users.reload();
          }}
        />
      )}
    </div>
  );
}
