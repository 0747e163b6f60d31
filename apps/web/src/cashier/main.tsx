import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import "../shared/styles/base.css";
import "./cashier.css";
import "./receipt/receipt.css";
import { App } from "./app.js";
import { createCashierI18n } from "./i18n/cashier-i18n.js";

const container = document.getElementById("root");
if (container === null) throw new Error("index.html has no #root");

const i18n = createCashierI18n();
document.title = i18n.t("app.title");
i18n.on("languageChanged", () => {
  document.title = i18n.t("app.title");
});

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
