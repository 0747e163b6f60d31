import { useText } from "../i18n/waiter-text.js";

/** Says at once that the server cannot be reached, and that nothing typed is lost. */
export function ConnectionBanner({ online }: { readonly online: boolean }) {
  const t = useText();
  if (online) return null;
  return (
    <div className="w-offline" role="alert" data-testid="offline-banner">
      <strong>{t("connection.offline")}</strong>
      <span>{t("connection.offlineDetail")}</span>
    </div>
  );
}
