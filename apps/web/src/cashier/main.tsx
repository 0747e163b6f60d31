import "../shared/styles/base.css";
import "./cashier.css";
import "./printing/printing.css";
import "./receipt/receipt.css";
import { mountApp } from "../shared/app/mount-app.js";
import { App } from "./app.js";
import { createCashierI18n } from "./i18n/cashier-i18n.js";

mountApp({ page: "index.html", createI18n: createCashierI18n, App });
