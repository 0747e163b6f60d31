import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import "../shared/styles/base.css";
import "./waiter.css";
import { App } from "./app.js";
import { createWaiterI18n } from "./i18n/waiter-text.js";
import { registerServiceWorker } from "./pwa/register-service-worker.js";

const container = document.getElementById("root");
if (container === null) throw new Error("m/index.html has no #root");

const i18n = createWaiterI18n();
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

registerServiceWorker();
