import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import "../shared/styles/base.css";
import "./admin.css";
import { App } from "./app.js";
import { createAdminI18n } from "./i18n/admin-text.js";

const container = document.getElementById("root");
if (container === null) throw new Error("admin/index.html has no #root");

const i18n = createAdminI18n();
const setTitle = () => {
  document.title = i18n.t("app.title");
};
setTitle();
i18n.on("languageChanged", setTitle);

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
