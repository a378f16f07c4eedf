// Gongkai service worker: after one visit the viewer and every bundle of data/index.json work
// offline (kiosks, poor connections); pages are kept as they are visited, and a page not kept
// is shown by the app from shell.html (the same assets, no view of its own). `gongkai site`
// replaces the two placeholders below with the build's version and file list, so a new build
// installs a new cache and removes the old one.
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

// The shell for a page below the site root: its <base href> climbs back to the root.
async function shellFor(url) {
  const shell = await caches.match('./shell.html', { cacheName: CACHE });
  if (!shell) return Response.error();
  const scope = new URL(self.registration.scope).pathname;
  const rel = url.pathname.startsWith(scope) ? url.pathname.slice(scope.length) : '';
  const depth = rel.replace(/index\.html$/, '').split('/').length - 1;
  const base = depth > 0 ? '../'.repeat(depth) : './';
  const html = (await shell.text()).replace('<base href="./">', `<base href="${base}">`);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode !== 'navigate') {
    event.respondWith(caches.match(req, { cacheName: CACHE }).then((hit) => hit || fetch(req)));
    return;
  }
  // Pages: the one kept (whatever the query: ?embed=1, ?kiosk=1, ?bundle=), else the network
  // (and keep it), else the shell.
  event.respondWith((async () => {
    const page = new Request(url.origin + url.pathname);
    const kept = await caches.match(page, { cacheName: CACHE });
    if (kept) return kept;
    try {
      const fresh = await fetch(req);
      if (fresh.ok && fresh.type === 'basic') {
        const cache = await caches.open(CACHE);
        await cache.put(page, fresh.clone());
      }
      return fresh;
    } catch (e) {
      return shellFor(url);
    }
  })());
});
