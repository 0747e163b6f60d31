import "../shared/styles/base.css";
import "./kitchen.css";
import { mountApp } from "../shared/app/mount-app.js";
import { App } from "./app.js";
import { createKitchenI18n } from "./i18n/kitchen-text.js";

mountApp({ page: "kitchen/index.html", createI18n: createKitchenI18n, App });
