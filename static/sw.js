// Gongkai service worker: after one visit the whole site and every bundle of data/index.json
// work offline (kiosks, poor connections). The build hook (scripts/csp.mjs) replaces the two
// placeholders below with the build's version and file list, so a new build installs a new cache
// and removes the old one.
const VERSION = '__GONGKAI_VERSION__';
const FILES = __GONGKAI_FILES__;
const CACHE = `gongkai-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gongkai-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  // Pages: the app shell whatever the query (?bundle=, ?embed=1, ?kiosk=1).
  const lookup = req.mode === 'navigate' ? caches.match('./', { cacheName: CACHE }).then((r) => r || caches.match(req, { ignoreSearch: true })) : caches.match(req);
  event.respondWith(lookup.then((hit) => hit || fetch(req)));
});
