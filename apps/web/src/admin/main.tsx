import "../shared/styles/base.css";
import "./admin.css";
import "./audit-pages.css";
import { mountApp } from "../shared/app/mount-app.js";
import { App } from "./app.js";
import { createAdminI18n } from "./i18n/admin-text.js";

mountApp({ page: "admin/index.html", createI18n: createAdminI18n, App });
