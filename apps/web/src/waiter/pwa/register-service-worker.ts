/**
 * Registers `/m/sw.js`, which keeps the app's shell (page, scripts, styles, icons) so the phone
 * opens it even while the server is away. It never caches API calls: what the phone shows about
 * orders always comes from the server, or is marked as not sent.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/m/sw.js", { scope: "/m/" }).catch(() => {
      // Not fatal: the app works without it, only not installable offline.
    });
  });
}
