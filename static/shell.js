// Inlined in <head> after static/boot.js (index.html). On a page the build wrote, it answers
// until the app runs what a reader does most, from what the page itself carries (issue #27):
// - a chart: pointer and touch show an item (the info line says what the app would say, the
//   same mark is drawn), a click or tap on an item that opens a page goes there, arrow keys,
//   Home and End move, Enter and Space open, Escape goes up (the chart's `data-infos`,
//   `data-hrefs`, `data-order`, `data-up`; each drawing's `data-size` and `data-map`, written
//   by src/components/chart_surface.rs and src/hooks/use_width.rs from the model's layout);
// - a term's explanation (its button opens and closes it; Escape closes);
// - the year switch (each year's page is on its option, `data-href`);
// - the language switch remembers the choice, as the app does (the link itself is the page).
// Everything else a page does (exports, filters, sorting, opening files, the embed dialog …)
// is the app's: static/boot.js starts it when the reader asks for such a thing. When the app
// starts (its event `gongkai:taking-over`), this script puts the page back as built and stops.
(function () {
  'use strict';
  var root = document.documentElement;
  if (!root.classList.contains('ssr')) return;
  // A province's bundle page shows its other views as hash addresses: the app's alone.
  var views = document.querySelector('meta[name="gongkai-views"]');
  if (views && views.getAttribute('content') === 'hash') return;
  var active = true;
  var svgNs = 'http://www.w3.org/2000/svg';
  var picked = [];   // surfaces with an item shown: [surface, index]
  var infoText = []; // info lines changed: [element, text as built]
  var opened = [];   // terms opened here

  function surfaceOf(t) {
    return t && t.closest ? t.closest('.chart-surface[data-infos]') : null;
  }
  // A chart's list attribute, read once.
  function list(el, name) {
    var kept = el.gongkaiLists || (el.gongkaiLists = {});
    if (!kept[name]) {
      try { kept[name] = JSON.parse(el.getAttribute(name) || '[]'); } catch (e) { kept[name] = []; }
    }
    return kept[name];
  }
  // The drawing on screen (the phone's or the desktop's) with its layout and items.
  function drawing(s) {
    var all = s.querySelectorAll('[data-map]');
    for (var i = 0; i < all.length; i++) {
      if (!all[i].getClientRects().length) continue;
      var d = all[i];
      if (!d.gongkaiMap) {
        var size = (d.getAttribute('data-size') || '').split(' ').map(Number);
        var parts = d.getAttribute('data-map').split(';');
        d.gongkaiMap = {
          kind: parts.shift(),
          w: size[0], h: size[1],
          items: parts.map(function (p) { return p.split(',').map(Number); }),
        };
      }
      return { el: d, map: d.gongkaiMap };
    }
    return null;
  }
  function hit(s, e) {
    var d = drawing(s);
    if (!d) return null;
    var r = d.el.getBoundingClientRect();
    if (!(r.width > 0)) return null;
    var k = d.map.w / r.width;
    var x = (e.clientX - r.left) * k, y = (e.clientY - r.top) * k;
    for (var i = 0; i < d.map.items.length; i++) {
      var it = d.map.items[i];
      if (x >= it[0] && x < it[0] + it[2] && y >= it[1] && y < it[1] + it[3]) return i;
    }
    return null;
  }
  function shown(s) {
    for (var i = 0; i < picked.length; i++) if (picked[i][0] === s) return picked[i][1];
    return null;
  }
  function rect(attrs) {
    var r = document.createElementNS(svgNs, 'rect');
    Object.keys(attrs).forEach(function (k) { r.setAttribute(k, attrs[k]); });
    return r;
  }
  // Shows item `i` of surface `s` (null: none), as src/components/chart_surface.rs does.
  function show(s, i) {
    if (shown(s) === i) return;
    picked = picked.filter(function (p) { return p[0] !== s; });
    if (i !== null) picked.push([s, i]);
    var info = document.getElementById(s.getAttribute('aria-describedby'));
    if (info) {
      var kept = infoText.filter(function (t) { return t[0] === info; })[0];
      if (!kept) infoText.push(kept = [info, info.textContent]);
      info.textContent = i === null ? kept[1] : (list(s, 'data-infos')[i] || kept[1]);
    }
    var old = s.querySelector('svg.chart-highlight');
    if (old) old.remove();
    var d = drawing(s);
    var it = d && i !== null ? d.map.items[i] : null;
    if (!it) return;
    var svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('class', 'chart-highlight');
    svg.setAttribute('viewBox', '0 0 ' + d.map.w + ' ' + d.map.h);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var x = it[4], y = it[5], w = it[6], h = it[7];
    if (d.map.kind === 'band') {
      svg.appendChild(rect({ x: x, y: y, width: w, height: h, fill: '#ffd54f', 'fill-opacity': '0.3', stroke: '#1a1a1a', 'stroke-width': '2' }));
    } else {
      svg.appendChild(rect({ x: x, y: y, width: w, height: h, fill: 'none', stroke: '#ffd54f', 'stroke-width': '4' }));
      svg.appendChild(rect({ x: x + 2, y: y + 2, width: Math.max(w - 4, 0), height: Math.max(h - 4, 0), fill: 'none', stroke: '#1a1a1a', 'stroke-width': '1' }));
    }
    s.appendChild(svg);
  }
  function go(href) {
    if (href) location.href = new URL(href, document.baseURI).href;
  }
  function open(s, i) {
    if (i !== null) go(list(s, 'data-hrefs')[i]);
  }

  // What this script answers (static/boot.js then holds nothing and starts nothing for it).
  function answers(t) {
    if (!active || !t || !t.closest) return false;
    return !!(surfaceOf(t) || t.closest('.term-button') || t.closest('#year-select') || t.closest('#lang-switch'));
  }
  self.gongkaiShell = { answers: answers };

  addEventListener('pointermove', function (e) {
    var s = active && surfaceOf(e.target);
    if (!s) return;
    var i = hit(s, e);
    if (i !== null) show(s, i);
  });
  addEventListener('click', function (e) {
    if (!active) return;
    var s = surfaceOf(e.target);
    if (s) {
      var i = hit(s, e);
      show(s, i);
      open(s, i);
      return;
    }
    var b = e.target.closest && e.target.closest('.term-button');
    if (b) {
      term(b, b.getAttribute('aria-expanded') !== 'true');
      return;
    }
    var a = e.target.closest && e.target.closest('#lang-switch');
    if (a) {
      try { localStorage.setItem('gongkai:lang', a.getAttribute('hreflang')); } catch (err) { /* storage blocked */ }
    }
  });
  function term(b, open) {
    var note = document.getElementById(b.getAttribute('aria-controls'));
    if (!note) return;
    b.setAttribute('aria-expanded', String(open));
    note.hidden = !open;
    if (open && opened.indexOf(b) < 0) opened.push(b);
  }
  addEventListener('keydown', function (e) {
    if (!active) return;
    var b = e.target.closest && e.target.closest('.term-button');
    if (b && e.key === 'Escape' && b.getAttribute('aria-expanded') === 'true') {
      e.stopPropagation();
      term(b, false);
      return;
    }
    var s = surfaceOf(e.target);
    if (!s || e.target !== s) return;
    var order = (s.getAttribute('data-order') || '').split(' ').filter(Boolean).map(Number);
    var sel = shown(s);
    var pos = order.indexOf(sel);
    var last = Math.max(order.length - 1, 0);
    var next = null;
    switch (e.key) {
      case 'ArrowDown': case 'ArrowRight': next = pos < 0 ? 0 : Math.min(pos + 1, last); break;
      case 'ArrowUp': case 'ArrowLeft': next = pos < 0 ? 0 : Math.max(pos - 1, 0); break;
      case 'Home': next = 0; break;
      case 'End': next = last; break;
      case 'Enter': case ' ':
        if (sel !== null && list(s, 'data-hrefs')[sel]) {
          e.preventDefault();
          open(s, sel);
        }
        return;
      case 'Escape':
        if (s.getAttribute('data-up')) {
          e.preventDefault();
          e.stopPropagation();
          go(s.getAttribute('data-up'));
        }
        return;
      default: return;
    }
    if (order.length) {
      e.preventDefault();
      show(s, order[next]);
    }
  });
  addEventListener('focusin', function (e) {
    var s = active && surfaceOf(e.target);
    // Focus starts on the first item, so the info line says something at once.
    if (s && e.target === s && shown(s) === null) {
      var order = (s.getAttribute('data-order') || '').split(' ').filter(Boolean).map(Number);
      if (order.length) show(s, order[0]);
    }
  });
  addEventListener('change', function (e) {
    if (!active || !e.target || e.target.id !== 'year-select') return;
    var o = e.target.selectedOptions && e.target.selectedOptions[0];
    if (o && o.getAttribute('data-href')) go(o.getAttribute('data-href'));
  });
  // The app takes over: the page as built, so that it finds every node where the build put it.
  addEventListener('gongkai:taking-over', function () {
    active = false;
    picked.forEach(function (p) {
      var m = p[0].querySelector('svg.chart-highlight');
      if (m) m.remove();
    });
    infoText.forEach(function (t) { t[0].textContent = t[1]; });
    opened.forEach(function (b) { term(b, false); });
    picked = []; infoText = []; opened = [];
  });
  if (self.performance && performance.mark) performance.mark('gongkai:shell');
})();
