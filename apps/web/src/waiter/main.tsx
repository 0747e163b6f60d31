import "../shared/styles/base.css";
import "./waiter.css";
import { mountApp } from "../shared/app/mount-app.js";
import { App } from "./app.js";
import { createWaiterI18n } from "./i18n/waiter-text.js";
import { registerServiceWorker } from "./pwa/register-service-worker.js";

mountApp({ page: "m/index.html", createI18n: createWaiterI18n, App });
registerServiceWorker();
