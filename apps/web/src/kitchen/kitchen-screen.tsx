import type { CatalogSnapshot } from "@quay/protocol";
import { useEffect, useState } from "react";
import { bySortOrder } from "../shared/catalog/sort-order.js";
import { LanguageToggle } from "../shared/i18n/language-toggle.js";
import type { ServerSession } from "../shared/session/server-session.js";
import { useNow } from "../shared/time/use-now.js";
import { errorText } from "./api/error-text.js";
import type { KitchenApi } from "./api/kitchen-api.js";
import { CategoryChips } from "./board/category-chips.js";
import { useChosenCategories } from "./board/chosen-categories.js";
import { KitchenCard } from "./board/kitchen-card.js";
import { useKitchenBoard } from "./board/use-kitchen-board.js";
import { useText } from "./i18n/kitchen-text.js";

interface KitchenScreenProps {
  readonly api: KitchenApi;
  readonly session: ServerSession;
  readonly onLogout: () => void;
}

/** The bar's or kitchen's tablet: the category chips, then the cards, the longest waiting first. */
export function KitchenScreen({ api, session, onLogout }: KitchenScreenProps) {
  const t = useText();
  const [categories, setCategories] = useState<CatalogSnapshot["categories"]>([]);
  const [chosen, toggle, clear] = useChosenCategories();
  const board = useKitchenBoard(api, session.token, chosen);
  const now = useNow(1_000) + board.clockOffsetMs;

  useEffect(() => {
    api.categories().then(
      (loaded) => setCategories(bySortOrder(loaded)),
      () => undefined,
    );
  }, [api]);

  return (
    <div className="k-screen">
      <header className="k-bar">
        <CategoryChips categories={categories} chosen={chosen} onToggle={toggle} onAll={clear} />
        <div className="k-bar-end">
          <span className="k-user">{session.user.name}</span>
          <LanguageToggle label={t("common.language")} />
          <button type="button" className="link-button" onClick={onLogout}>
            {t("common.logout")}
          </button>
        </div>
      </header>
      {board.stream === "lost" ? (
        <p className="k-banner k-banner-lost" role="status">
          {t("kitchen.lost")}
        </p>
      ) : board.internetDown ? (
        <p className="k-banner" role="status" data-testid="internet-down">
          {t("kitchen.offline")}
        </p>
      ) : null}
      {board.problem ? (
        <p className="k-banner k-banner-lost" role="alert">
          {errorText(board.problem, t)}
        </p>
      ) : null}
      <main className="k-grid" data-testid="kitchen-grid">
        {board.cards?.length === 0 ? <p className="k-empty">{t("kitchen.empty")}</p> : null}
        {(board.cards ?? []).map((card) => (
          <KitchenCard
            key={card.orderId}
            card={card}
            nowMs={now}
            onReady={(lineIds) => void board.markReady(card.orderId, lineIds)}
          />
        ))}
      </main>
    </div>
  );
}
