// Inlined in <head> (index.html), it runs before anything is shown and does two things.
// 1. Starts fetching the catalog and the bundle this page will show, so they download while the
//    app's wasm downloads and compiles. The app takes these answers instead of fetching again
//    (src/loader.rs, `fetch_bytes`); if anything here fails, the app simply fetches the file
//    itself and reports any error with its name.
// 2. Chooses what shows until the app mounts: the pre-rendered first view (the overview of the
//    default bundle, written into the page by the build in Chinese and English) in the language
//    the app will use, as class `pre-zh` or `pre-en` on <html>; else (another view, another
//    bundle, an embed or a kiosk) the loading line, class `no-prerender`.
(function () {
  'use strict';
  var early = {};
  var shown = 'no-prerender';
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
  // As `Lang::parse` (crates/model/src/i18n.rs): "zh", "zh-CN", "en", "en-GB"…; else nothing.
  function language(l) {
    l = String(l || '').toLowerCase();
    if (l === 'en' || l.indexOf('en-') === 0) return 'en';
    if (l === 'zh' || l.indexOf('zh-') === 0) return 'zh';
    return null;
  }
  try {
    var q = new URLSearchParams(location.search);
    start('data/index.json');
    var asked = q.get('bundle');
    if (asked) {
      if (relative(asked)) start(asked);
    } else {
      var link = document.querySelector('link[rel=preload][data-default-bundle]');
      var href = link && link.getAttribute('href');
      if (relative(href)) start(href);
    }
    var stored = null;
    try { stored = localStorage.getItem('gongkai:lang'); } catch (e) { /* storage blocked */ }
    // As the app chooses (src/hooks/use_lang.rs): the address, else the last choice, else 中文.
    var lang = language(q.get('lang')) || language(stored) || 'zh';
    var overview = location.hash === '' || location.hash === '#' || location.hash === '#/';
    if (!asked && !q.has('embed') && !q.has('kiosk') && overview) shown = 'pre-' + lang;
  } catch (e) {
    // An old browser: no early fetch (the app fetches as usual) and the loading line.
  }
  self.gongkaiEarly = early;
  document.documentElement.classList.add(shown);
})();
