// The waiter app's service worker: it keeps the app's shell (the page, its scripts and styles,
// the icons) so the phone opens the app even while the server is away — and nothing else. API
// calls and the live event stream always go to the network: an order is never served from a cache.
const CACHE = "quay-waiter-shell-v1";
const SHELL = ["/m/", "/m/manifest.webmanifest", "/m/icons/icon.svg", "/m/icons/icon-192.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname === "/healthz") return;

  if (request.mode === "navigate" && url.pathname.startsWith("/m")) {
    // The page: fresh from the server when it answers, else the last one kept.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put("/m/", copy));
          }
          return response;
        })
        .catch(() => caches.match("/m/").then((cached) => cached ?? Response.error())),
    );
    return;
  }

  if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/m/icons/")) {
    // Built assets carry a content hash in their names: a kept copy is always right.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
