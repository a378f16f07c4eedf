// Inlined in <head> (index.html), it runs before anything is shown and does three things.
// 1. Sends old and language-choosing addresses to their page: an old `#/performance/8` link
//    to `performance/8/` (not with ?bundle=: a bundle the site has no pages of keeps its views
//    as hash addresses), `?lang=en` (or, on the home page, the language chosen last time) to
//    the page in that language (`en/…`).
// 2. Says whether the page the build rendered is what this address shows (class `ssr` on
//    <html>: it stays and the app hydrates it) or not (`no-ssr`: another bundle, an embed, a
//    kiosk: the loading line shows until the app renders).
// 3. Decides when the app starts: at once where the page shows no view of its own; on a
//    bundle's first views (the first-view module's pages), whose charts, terms and switches
//    the page answers itself (static/shell.js), and on a province's home and area pages
//    (links, a search form the browser sends, a filter), only when the reader asks for something only
//    the app does (a button, a filter, a file); elsewhere only after its first paint (the
//    `load` event, then one frame) or at the reader's first touch, click or key, whichever
//    comes first — so nothing the page does not need competes with its paint (issue #27). Starting means: fetch the catalog and the bundle
//    (the app takes these answers instead of fetching again, src/loader.rs `fetch_bytes`; if
//    one fails, the app fetches the file itself and reports any error with its name) and
//    resolve `self.gongkaiStart`, which the module script `gongkai site` writes in place of
//    Trunk's loader awaits before it imports the app's code and wasm: a smaller module's
//    (`self.gongkaiModule`: `first`, a bundle's first views; `site`, a province's own pages)
//    where the page shows a view it holds, else the full app's.
// 4. Keeps a tap that the app answers (a button, a chart) from being lost while the app is on
//    its way: the event is held (links are pages and work without the app) and given again
//    once the app has taken the page over (the app's `gongkai:live` event), as are what is
//    typed or chosen in a field the app reads and files dropped on the page; if the app cannot
//    start (`gongkai:failed`), nothing is held any more.
// Every page names the site root in <base href>, so relative addresses here are the site's.
(function () {
  'use strict';
  var early = {};
  var shown = 'no-ssr';
  var wanted = [];
  var begun = false;
  var release;
  self.gongkaiStart = new Promise(function (resolve) { release = resolve; });
  // Starts the app: its data, then its code (the module script awaits gongkaiStart).
  function begin() {
    if (begun) return;
    begun = true;
    wanted.forEach(start);
    release();
  }
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
    if (relative(catalog)) wanted.push(catalog);
    else if (!meta('gongkai-site-page')) wanted.push('data/index.json');
    var bundle = q.get('bundle');
    if (bundle) {
      if (relative(bundle)) wanted.push(bundle);
    } else {
      var href = meta('gongkai-bundle');
      if (relative(href)) wanted.push(href);
    }
    var otherView = hashViews && location.hash.length > 2 && location.hash.indexOf('#/') === 0;
    if (page && !bundle && !q.has('embed') && !q.has('kiosk') && !otherView) shown = 'ssr';
    // Which app: the smaller module the page names where it shows its own view
    // (`<meta name="gongkai-app" content="first">` a bundle's first views, `"site"` a province's
    // own pages), else the full app (also when the address asks for it: `?app=full`).
    var module = meta('gongkai-app');
    if (shown === 'ssr' && !hashViews && q.get('app') !== 'full' && (module === 'first' || module === 'site')) {
      self.gongkaiModule = module;
    }
  } catch (e) {
    // An old browser: no early fetch (the app fetches as usual) and the loading line.
  }
  self.gongkaiEarly = early;
  document.documentElement.classList.add(shown);
  if (shown !== 'ssr') {
    begin();
    return;
  }
  // Start the app at once when asked to (tests, a portal that wants it running).
  self.gongkaiBegin = begin;
  // The page's own view is on screen. On a bundle's first views (the first-view module's pages)
  // the page itself answers what a reader does most (static/shell.js: charts, terms, the year
  // and language switches; links are pages), so the app starts only when the reader asks for
  // something only it does; elsewhere it starts after the page's first paint or at the first
  // input, whichever comes first.
  // (A province's home and area pages are lists of links with a filter: the same; its search
  // page is the app's from the start.)
  var onDemand = self.gongkaiModule === 'first' ||
    (self.gongkaiModule === 'site' && meta('gongkai-site-page') !== 'search');
  self.gongkaiOnDemand = onDemand;
  if (!onDemand) {
    addEventListener('load', function () {
      requestAnimationFrame(function () { setTimeout(begin, 0); });
    });
  }
  var held = [];
  var holding = true;
  function shellAnswers(t) {
    return !!(self.gongkaiShell && self.gongkaiShell.answers(t));
  }
  // What the app answers and the page alone does not: not a link (a page of its own), not a
  // form field or <summary> (the browser's own), not what static/shell.js answers, but a
  // button or a chart.
  function answeredByApp(t) {
    if (!t || !t.closest || shellAnswers(t)) return null;
    // A list only the app fills (its <details> opens empty without it).
    var list = t.closest('details[data-app-list] > summary');
    if (list) return list;
    if (t.closest('a[href], input, select, textarea, summary, form[action]')) return null;
    return t.closest('button, [role=button], .chart-surface');
  }
  // A form field whose input only the app reads (a filter, a sort order, a file to open); not
  // one of a form the browser sends itself (a province home's search box).
  function fieldOfApp(t) {
    if (!t || !t.closest || shellAnswers(t) || t.closest('form[action]')) return null;
    return t.closest('input, select, textarea');
  }
  function hold(e) {
    if (!holding) return;
    if (!onDemand) begin();
    var t = answeredByApp(e.target);
    if (!t) return;
    if (e.type === 'keydown' && !/^(Enter| |Arrow\w+|Home|End|Escape)$/.test(e.key)) return;
    begin();
    // A key on a button or a list's summary makes the click that is held: let it through.
    if (e.type === 'keydown' && !t.classList.contains('chart-surface')) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    held.push({ target: e.target, type: e.type, init: {
      bubbles: true, cancelable: true, clientX: e.clientX, clientY: e.clientY, key: e.key,
      code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey,
    } });
  }
  ['click', 'keydown'].forEach(function (type) { addEventListener(type, hold, true); });
  ['pointerdown', 'touchstart'].forEach(function (type) {
    addEventListener(type, function (e) {
      if (!onDemand || answeredByApp(e.target) || fieldOfApp(e.target)) begin();
    }, { capture: true, passive: true });
  });
  // A field the reader turns to: the app starts (the reader is about to use it), and what is
  // typed, chosen or picked meanwhile is given to it again once it runs.
  addEventListener('focusin', function (e) {
    if (holding && onDemand && fieldOfApp(e.target)) begin();
  }, true);
  ['input', 'change'].forEach(function (type) {
    addEventListener(type, function (e) {
      var f = holding && fieldOfApp(e.target);
      if (!f) return;
      begin();
      held = held.filter(function (h) { return !(h.target === f && h.type === type); });
      held.push({ target: f, type: type, value: f.type === 'file' ? null : f.value });
    }, true);
  });
  // Files dropped on the page before the app runs: kept, and dropped again once it does.
  // (Only where the app opens files: a bundle's first views.)
  var opensFiles = self.gongkaiModule === 'first';
  addEventListener('dragover', function (e) {
    if (holding && onDemand && opensFiles && e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0) e.preventDefault();
  }, true);
  addEventListener('drop', function (e) {
    if (!holding || !onDemand || !opensFiles || !e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    begin();
    held.push({ target: e.target, type: 'drop', files: Array.prototype.slice.call(e.dataTransfer.files) });
  }, true);
  function replay(h) {
    if (!h.target.isConnected) return;
    if (h.type === 'drop') {
      var dt = new DataTransfer();
      h.files.forEach(function (f) { dt.items.add(f); });
      h.target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    } else if (h.type === 'input' || h.type === 'change') {
      if (h.value !== null && h.target.value !== h.value) h.target.value = h.value;
      h.target.dispatchEvent(new Event(h.type, { bubbles: true }));
    } else {
      var E = h.type === 'click' ? MouseEvent : KeyboardEvent;
      h.target.dispatchEvent(new E(h.type, h.init));
    }
  }
  addEventListener('gongkai:live', function () {
    holding = false;
    // After the app's own work of taking over: each held input once, to the same element.
    setTimeout(function () { held.splice(0).forEach(replay); }, 0);
  });
  addEventListener('gongkai:failed', function () { holding = false; held = []; });
})();
