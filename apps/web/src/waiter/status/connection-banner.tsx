import type { SessionNetwork } from "../../shared/session/server-session.js";
import { useText } from "../i18n/waiter-text.js";

interface ConnectionBannerProps {
  readonly online: boolean;
  /** Which side the phone works through: the banner names the one it lost. */
  readonly network?: SessionNetwork;
  /** The shop's hub with the phone's pass (`handoffTarget`); null when there is none to offer. */
  readonly handoffUrl?: string | null;
  /** Goes there: a top-level navigation, which a browser allows from https to the shop's http. */
  readonly onHandoff?: (url: string) => void;
}

const navigate = (url: string) => window.location.assign(url);

/**
 * Says at once that the server cannot be reached, and that nothing typed is lost; when the
 * shop's hub is known, offers to carry on through it with one tap.
 */
export function ConnectionBanner({
  online,
  network = "cloud",
  handoffUrl = null,
  onHandoff = navigate,
}: ConnectionBannerProps) {
  const t = useText();
  if (online) return null;
  return (
    <div className="w-offline" role="alert" data-testid="offline-banner">
      <strong>{network === "shop" ? t("connection.offlineShop") : t("connection.offline")}</strong>
      <span>{handoffUrl === null ? t("connection.offlineDetail") : t("connection.handoffDetail")}</span>
      {handoffUrl === null ? null : (
        <button
          type="button"
          className="w-handoff"
          data-testid="use-shop-network"
          onClick={() => onHandoff(handoffUrl)}
        >
          {t("connection.useShopNetwork")}
        </button>
      )}
    </div>
  );
}
