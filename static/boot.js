// Inlined in <head> (index.html), it runs before anything is shown and does two things.
// 1. Starts fetching the catalog and the bundle this page will show, so they download while the
//    app's wasm downloads and compiles. The app takes these answers instead of fetching again
//    (src/loader.rs, `fetch_bytes`); if anything here fails, the app simply fetches the file
//    itself and reports any error with its name.
// 2. Chooses what shows until the app mounts: the pre-rendered first view (the overview of the
//    default bundle in Chinese, written into the page by the build) when that is what the
//    address asks for, else the loading line (class `no-prerender` on <html>).
(function () {
  'use strict';
  var early = {};
  function start(url) {
    early[url] = fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    });
    // Never an "unhandled rejection": the app reports errors when it fetches the file itself.
    early[url].catch(function () {});
  }
  // Only paths on this site, as the app allows (src/loader.rs, `check_relative`).
  function relative(p) {
    return !!p && p.indexOf('://') < 0 && p.charAt(0) !== '/' && p.indexOf('\\') < 0 &&
      p.toLowerCase().indexOf('javascript:') !== 0;
  }
  try {
    start('data/index.json');
    var asked = new URLSearchParams(location.search).get('bundle');
    if (asked) {
      if (relative(asked)) start(asked);
    } else {
      var link = document.querySelector('link[rel=preload][data-default-bundle]');
      var href = link && link.getAttribute('href');
      if (relative(href)) start(href);
    }
  } catch (e) {
    // No early fetch (old browser): the app fetches as usual.
  }
  self.gongkaiEarly = early;

  // 'pre-zh' / 'pre-en': the pre-rendered overview in that language; 'no-prerender': the
  // loading line (another view, another bundle, an embed or a kiosk).
  var shown = 'no-prerender';
  try {
    var q = new URLSearchParams(location.search);
    var stored = null;
    try { stored = localStorage.getItem('gongkai:lang'); } catch (e) { /* storage blocked */ }
    // As the app reads it (src/hooks/use_lang.rs): the address first, then the last choice.
    var lang = String(q.get('lang') || stored || 'zh').toLowerCase();
    var overview = location.hash === '' || location.hash === '#' || location.hash === '#/';
    if (!q.has('bundle') && !q.has('embed') && !q.has('kiosk') && overview) {
      shown = lang === 'en' || lang.indexOf('en-') === 0 ? 'pre-en' : 'pre-zh';
    }
  } catch (e) {
    shown = 'no-prerender';
  }
  document.documentElement.classList.add(shown);
})();
