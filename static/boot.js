// Inlined in <head> (index.html), it runs before anything is shown and does three things.
// 1. Sends old and language-choosing addresses to their page: an old `#/performance/8` link
//    to `performance/8/` (not with ?bundle=: a bundle the site has no pages of keeps its views
//    as hash addresses), `?lang=en` (or, on the home page, the language chosen last time) to
//    the page in that language (`en/…`).
// 2. Starts fetching the catalog and the bundle this page shows, so they download while the
//    app's wasm downloads and compiles. The app takes these answers instead of fetching again
//    (src/loader.rs, `fetch_bytes`); if anything here fails, the app simply fetches the file
//    itself and reports any error with its name.
// 3. Says whether the page the build rendered is what this address shows (class `ssr` on
//    <html>: it stays and the app hydrates it) or not (`no-ssr`: another bundle, an embed, a
//    kiosk: the loading line shows until the app renders).
// Every page names the site root in <base href>, so relative addresses here are the site's.
(function () {
  'use strict';
  var early = {};
  var shown = 'no-ssr';
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
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }
  // An old hash address as a page path (crates/model/src/site/route.rs, `Route::from_hash`).
  function hashPath(hash) {
    var parts = hash.replace(/^#\/?/, '').split('/').filter(function (p) { return p; });
    if (parts[0] === 'checks' && parts[1]) return 'checks/#check-' + parts[1];
    return parts.length ? parts.join('/') + '/' : '';
  }
  try {
    var q = new URLSearchParams(location.search);
    var page = meta('gongkai-page');
    // The page's path below the site root ("en/performance/8/"), from the address.
    var root = new URL('./', document.baseURI).pathname;
    var here = decodeURIComponent(location.pathname);
    here = here.indexOf(decodeURIComponent(root)) === 0 ? here.slice(decodeURIComponent(root).length) : null;
    if (here !== null) here = here.replace(/index\.html$/, '');
    var pageLang = document.documentElement.lang.indexOf('en') === 0 ? 'en' : 'zh';
    var stored = null;
    try { stored = localStorage.getItem('gongkai:lang'); } catch (e) { /* storage blocked */ }
    var asked = language(q.get('lang'));
    var home = here === '' || here === 'en/';
    var want = asked || (home ? language(stored) : null) || pageLang;
    var go = null;
    // (With ?bundle= the views of that bundle are hash addresses: they stay.)
    // A province's bundle page is its overview; its other views are hash addresses on it.
    var hashViews = meta('gongkai-views') === 'hash';
    if (page && here !== null && location.hash.indexOf('#/') === 0 && !q.get('bundle') && !hashViews) {
      // On a site of several bundles, the views of its home page's bundle are in that
      // bundle's folder.
      var folder = home ? (meta('gongkai-home-bundle') || '') : '';
      var prefix = here.replace(/^en\//, '').replace(/^(b\/[^/]+\/).*$/, '$1');
      if (prefix.indexOf('b/') !== 0) prefix = folder;
      var path = hashPath(location.hash);
      go = (want === 'en' ? 'en/' : '') + prefix + path;
    } else if (page && here !== null && want !== pageLang) {
      var bare = here.replace(/^en\//, '');
      go = (want === 'en' ? 'en/' : '') + bare + location.hash;
    }
    if (go !== null) {
      q.delete('lang');
      var query = q.toString();
      var cut = go.indexOf('#');
      var path2 = cut < 0 ? go : go.slice(0, cut);
      var anchor = cut < 0 ? '' : go.slice(cut);
      location.replace(new URL((path2 || './') + (query ? '?' + query : '') + anchor, document.baseURI).href);
      return;
    }
    // The catalog this page reads: its own (a province's pages name their area's file, or none:
    // the search page), else the site's.
    var catalog = meta('gongkai-catalog');
    if (relative(catalog)) start(catalog);
    else if (!meta('gongkai-site-page')) start('data/index.json');
    var bundle = q.get('bundle');
    if (bundle) {
      if (relative(bundle)) start(bundle);
    } else {
      var link = document.querySelector('link[rel=preload][data-default-bundle]');
      var href = link && link.getAttribute('href');
      if (relative(href)) start(href);
    }
    var otherView = hashViews && location.hash.length > 2 && location.hash.indexOf('#/') === 0;
    if (page && !bundle && !q.has('embed') && !q.has('kiosk') && !otherView) shown = 'ssr';
  } catch (e) {
    // An old browser: no early fetch (the app fetches as usual) and the loading line.
  }
  self.gongkaiEarly = early;
  document.documentElement.classList.add(shown);
})();
