import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import { TextField } from "../../shared/components/text-field.js";
import type { UserChanges } from "../api/admin-api.js";
import type { Role, StaffUser } from "../api/admin-types.js";
import { FormDialog } from "../components/form-dialog.js";
import { NameField } from "../components/name-field.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { manageableRoles } from "./manageable-roles.js";

interface UserDialogProps {
  /** The person to change; null to add one. */
  readonly user: StaffUser | null;
  readonly onDone: () => void;
  readonly onClose: () => void;
}

const PIN = /^\d{4,8}$/;

/** Adds a staff member, or changes one: name, role, password, PIN, locked or not. */
export function UserDialog({ user, onDone, onClose }: UserDialogProps) {
  const t = useText();
  const { api, storeId, session } = useStore();
  const roles = manageableRoles(session.user.role);
  const self = user?.id === session.user.id;
  const [username, setUsername] = useState("");
  const [name, setName] = useState(user?.name ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? "waiter");
  const [password, setPassword] = useState("");
  const [pin, setPin] = useState("");
  const [clearPin, setClearPin] = useState(false);
  const [active, setActive] = useState(user?.active ?? true);
  const pinValid = pin === "" || PIN.test(pin);
  const ready =
    name.trim() !== "" &&
    pinValid &&
    (user !== null || (/^[A-Za-z0-9._-]{2,64}$/.test(username.trim()) && password.length >= 4));

  const save = () => {
    if (user === null) {
      return api.createUser({
        username: username.trim(),
        name: name.trim(),
        role,
        password,
        pin: pin === "" ? null : pin,
        storeIds: [storeId],
      });
    }
    const changes: UserChanges = {};
    if (name.trim() !== user.name) changes.name = name.trim();
    if (role !== user.role && !self) changes.role = role;
    if (password !== "") changes.password = password;
    if (pin !== "") changes.pin = pin;
    else if (clearPin) changes.pin = null;
    if (active !== user.active && !self) changes.active = active;
    return api.updateUser(user.id, changes);
  };

  return (
    <FormDialog
      title={user === null ? t("users.newUser") : t("users.editUser")}
      name="user"
      ready={ready}
      save={save}
      onDone={onDone}
      onClose={onClose}
    >
      {user === null ? (
        <TextField
          label={t("users.username")}
          value={username}
          autoCapitalize="none"
          autoComplete="off"
          onValue={setUsername}
          testId="user-username"
        />
      ) : (
        <p className="muted">
          {t("users.username")}: <strong>{user.username}</strong>
        </p>
      )}
      <NameField label={t("users.name")} value={name} onValue={setName} maxLength={120} testId="user-name" />
      <Field label={t("users.role")}>
        <select
          value={role}
          disabled={self}
          onChange={(event) => setRole(event.target.value as Role)}
          data-testid="user-role"
        >
          {(roles.includes(role) ? roles : [role, ...roles]).map((option) => (
            <option key={option} value={option}>
              {t(`users.roles.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        label={user === null ? t("users.password") : t("users.newPassword")}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
        testId="user-password"
      />
      <TextField
        label={t("users.pin")}
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        maxLength={8}
        onValue={(typed) => setPin(typed.replace(/\D/g, ""))}
        testId="user-pin"
      />
      {user?.hasPin && pin === "" ? (
        <label className="a-check">
          <input type="checkbox" checked={clearPin} onChange={(event) => setClearPin(event.target.checked)} />
          <span>{t("users.clearPin")}</span>
        </label>
      ) : null}
      {user !== null && !self ? (
        <label className="a-check">
          <input type="checkbox" checked={!active} onChange={(event) => setActive(!event.target.checked)} />
          <span>{t("users.lock")}</span>
        </label>
      ) : null}
      <p className="muted small">{t("users.pinHelp")}</p>
    </FormDialog>
  );
}
