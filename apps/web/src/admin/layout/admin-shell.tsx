import { useState } from "react";
import { LanguageToggle } from "../../shared/i18n/language-toggle.js";
import { useHashRoute } from "../../shared/router/use-hash-route.js";
import type { ServerSession } from "../../shared/session/server-session.js";
import type { AdminApi } from "../api/admin-api.js";
import { AuditPage } from "../audit/audit-page.js";
import { BankPage } from "../bank/bank-page.js";
import { BillsPage } from "../bills/bills-page.js";
import { CatalogPage } from "../catalog/catalog-page.js";
import { DashboardPage } from "../dashboard/dashboard-page.js";
import { FloorPage } from "../floor/floor-page.js";
import { type AdminText, useText } from "../i18n/admin-text.js";
import { PrintersPage } from "../printers/printers-page.js";
import { ReportsPage } from "../reports/reports-page.js";
import { ShiftsPage } from "../shifts/shifts-page.js";
import { StationsPage } from "../stations/stations-page.js";
import { StorePage } from "../store/store-page.js";
import { UsersPage } from "../users/users-page.js";
import { NavIcon, type NavIconName } from "./nav-icon.js";
import { StoreContext } from "./store-context.js";
import { useLiveStore } from "./use-live-store.js";
import "./admin-shell.css";

const PAGES = {
  "/": { label: "nav.dashboard", icon: "dashboard", Page: DashboardPage },
  "/reports": { label: "nav.reports", icon: "reports", Page: ReportsPage },
  "/bills": { label: "nav.bills", icon: "bills", Page: BillsPage },
  "/shifts": { label: "nav.shifts", icon: "shifts", Page: ShiftsPage },
  "/bank": { label: "nav.bank", icon: "bank", Page: BankPage },
  "/audit": { label: "nav.audit", icon: "audit", Page: AuditPage },
  "/catalog": { label: "nav.catalog", icon: "catalog", Page: CatalogPage },
  "/floor": { label: "nav.floor", icon: "floor", Page: FloorPage },
  "/users": { label: "nav.users", icon: "users", Page: UsersPage },
  "/stations": { label: "nav.stations", icon: "stations", Page: StationsPage },
  "/printers": { label: "nav.printers", icon: "printers", Page: PrintersPage },
  "/store": { label: "nav.settings", icon: "store", Page: StorePage },
} as const satisfies Record<
  string,
  { label: Parameters<AdminText>[0]; icon: NavIconName; Page: () => unknown }
>;
type PagePath = keyof typeof PAGES;

const STORE_KEY = "quay.admin.store";

function savedStore(session: ServerSession): string {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORE_KEY);
  } catch {
    // Private mode.
  }
  return session.stores.find((store) => store.id === saved)?.id ?? session.stores[0]?.id ?? "";
}

interface AdminShellProps {
  readonly api: AdminApi;
  readonly session: ServerSession;
  readonly onLogout: () => void;
}

/** The back office's frame: navigation (a side bar on a desktop, a bar on top on a phone), the store, the page. */
export function AdminShell({ api, session, onLogout }: AdminShellProps) {
  const t = useText();
  const [path, go] = useHashRoute();
  const [storeId, setStoreId] = useState(() => savedStore(session));
  const [menuOpen, setMenuOpen] = useState(false);
  const live = useLiveStore(api, storeId, session.token);
  const current: PagePath = path in PAGES ? (path as PagePath) : "/";
  const { Page } = PAGES[current];

  const chooseStore = (id: string) => {
    setStoreId(id);
    try {
      localStorage.setItem(STORE_KEY, id);
    } catch {
      // Private mode: the choice lasts for this page.
    }
  };

  return (
    <StoreContext
      value={{
        api,
        session,
        storeId,
        catalog: live.catalog,
        reloadCatalog: live.reloadCatalog,
        salesVersion: live.salesVersion,
      }}
    >
      <div className={menuOpen ? "a-shell menu-open" : "a-shell"}>
        <header className="a-topbar brand-bar">
          <button
            type="button"
            className="a-menu-toggle"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((open) => !open)}
          >
            ☰ <span className="a-visually-hidden">{t("common.menu")}</span>
          </button>
          <strong className="a-brand">Quầy</strong>
          {session.stores.length > 1 ? (
            <label className="a-store-picker">
              <span className="a-visually-hidden">{t("nav.store")}</span>
              <select
                value={storeId}
                onChange={(event) => chooseStore(event.target.value)}
                data-testid="store-picker"
              >
                {session.stores.map((store) => (
                  <option key={store.id} value={store.id}>
                    {store.code} · {store.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="a-store-name">{session.stores[0]?.name}</span>
          )}
          <span className="a-user muted small">{session.user.name}</span>
          <LanguageToggle label={t("common.language")} />
          <button type="button" className="secondary" onClick={onLogout}>
            {t("common.logout")}
          </button>
        </header>
        <nav className="a-nav" aria-label={t("common.menu")}>
          {(Object.keys(PAGES) as PagePath[]).map((page) => (
            <a
              key={page}
              href={`#${page}`}
              className={page === current ? "a-nav-link current" : "a-nav-link"}
              aria-current={page === current ? "page" : undefined}
              onClick={() => {
                setMenuOpen(false);
                go(page);
              }}
            >
              <NavIcon name={PAGES[page].icon} /> {t(PAGES[page].label)}
            </a>
          ))}
        </nav>
        <main className="a-main" key={storeId}>
          <Page />
        </main>
      </div>
    </StoreContext>
  );
}
