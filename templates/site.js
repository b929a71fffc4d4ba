/* scalestudy site script: draws the charts, makes tables sortable and opens a folded table a link points at.
   Pages read fine without it. */
(function () {
  'use strict';

  function draw(el, target) {
    if (typeof vegaEmbed !== 'function') {
      target.textContent = 'Chart unavailable: the Vega scripts in assets/ did not load. The table below has the numbers.';
      return;
    }
    vegaEmbed(target, JSON.parse(el.textContent), {
      renderer: 'svg',
      actions: { export: true, source: true, compiled: false, editor: false }
    }).catch(function (err) {
      target.textContent = 'Chart failed: ' + err;
      if (window.console) { console.error('scalestudy chart ' + target.id + ': ' + err); }
    });
  }

  // Charts are drawn as they come near the window (a page may have a hundred small-multiple panels), all of them
  // before printing, and all at once in a browser without IntersectionObserver.
  function drawCharts() {
    var specs = document.querySelectorAll('script[type="application/json"][data-target]');
    var waiting = [];
    Array.prototype.forEach.call(specs, function (el) {
      var target = document.getElementById(el.getAttribute('data-target'));
      if (target) { waiting.push({ el: el, target: target }); }
    });
    function drawOne(item) {
      var i = waiting.indexOf(item);
      if (i < 0) { return; }
      waiting.splice(i, 1);
      draw(item.el, item.target);
    }
    function drawAll() { waiting.slice().forEach(drawOne); }
    if (!('IntersectionObserver' in window)) { drawAll(); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) { return; }
        observer.unobserve(entry.target);
        waiting.filter(function (w) { return w.target === entry.target; }).forEach(drawOne);
      });
    }, { rootMargin: '400px 0px' });
    waiting.forEach(function (w) { observer.observe(w.target); });
    window.addEventListener('beforeprint', drawAll);
  }

  function sortKey(cell, numeric) {
    if (numeric) {
      var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
      var v = parseFloat(raw);
      return isNaN(v) ? null : v;
    }
    return cell.textContent.trim().toLowerCase();
  }

  function sortTable(table, column, numeric, th) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, i) {
      var cell = row.cells[column];
      return { row: row, key: cell ? sortKey(cell, numeric) : null, index: i };
    });
    keyed.sort(function (a, b) {
      // Missing values last in either direction; ties keep their order.
      if (a.key === null && b.key === null) { return a.index - b.index; }
      if (a.key === null) { return 1; }
      if (b.key === null) { return -1; }
      var c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return (ascending ? c : -c) || a.index - b.index;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }

  function makeSortable() {
    var tables = document.querySelectorAll('table.sortable');
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || !table.tBodies[0] || table.tBodies[0].rows.length < 2) { return; }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        var numeric = th.getAttribute('data-type') === 'number';
        th.classList.add('sort');
        th.tabIndex = 0;
        th.title = 'Sort by ' + th.textContent;
        th.addEventListener('click', function () { sortTable(table, column, numeric, th); });
        th.addEventListener('keydown', function (e) {
          if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortTable(table, column, numeric, th); }
        });
      });
    });
  }

  // A link to a folded table (a <details> element, e.g. "the runs table below") opens it.
  function openLinkedDetails() {
    var id = window.location.hash.slice(1);
    var el = id ? document.getElementById(decodeURIComponent(id)) : null;
    if (el && el.tagName === 'DETAILS') { el.open = true; }
  }

  function start() {
    makeSortable();
    openLinkedDetails();
    window.addEventListener('hashchange', openLinkedDetails);
    drawCharts();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
