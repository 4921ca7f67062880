// ESC-Lab dashboard behaviour. Pages are complete without it; this adds charts, client-side sorting of per-class
// tables and the overlay toggles of the qualitative panel.
(function () {
  'use strict';

  function readJson(id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  var palette = ['#1f5fbf', '#c0392b', '#1d7a46', '#9a6700', '#7b3fa0', '#00838f', '#6d4c41', '#ad1457'];

  function lineChart(canvasId, series, logScale) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || typeof Chart === 'undefined') { return; }
    var names = Object.keys(series).filter(function (k) { return series[k] && series[k].length; });
    if (!names.length) {
      canvas.replaceWith(Object.assign(document.createElement('p'), { className: 'muted', textContent: 'No points yet.' }));
      return;
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        datasets: names.map(function (name, i) {
          return { label: name, data: series[name].map(function (p) { return { x: p[0], y: p[1] }; }),
                   borderColor: palette[i % palette.length], pointRadius: 0, borderWidth: 1.5, tension: 0 };
        })
      },
      options: {
        animation: false, parsing: false, normalized: true,
        scales: { x: { type: 'linear', title: { display: true, text: 'step' } },
                  y: { type: logScale ? 'logarithmic' : 'linear' } },
        plugins: { legend: { display: names.length > 1 } }
      }
    });
  }

  function charts() {
    var curves = readJson('curve-data');
    if (curves) {
      lineChart('loss-chart', { 'train/loss': curves.loss || [] }, false);
      lineChart('lr-chart', curves.lr || {}, false);
    }
    var compare = readJson('compare-data');
    if (compare) { lineChart('compare-chart', compare, false); }
  }

  // Tables with class "sortable": every header becomes a button that sorts by its column.
  function sortable(root) {
    (root || document).querySelectorAll('table.sortable').forEach(function (table) {
      if (table.dataset.sortReady) { return; }
      table.dataset.sortReady = '1';
      table.querySelectorAll('thead th').forEach(function (th, col) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'th-sort';
        button.textContent = th.textContent;
        th.textContent = '';
        th.appendChild(button);
        button.addEventListener('click', function () {
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('thead th').forEach(function (o) { o.setAttribute('aria-sort', 'none'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
            var nx = parseFloat(x), ny = parseFloat(y);
            var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
            return ascending ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  function overlays() {
    document.querySelectorAll('input[data-overlay]').forEach(function (box) {
      var layer = document.getElementById(box.dataset.overlay);
      if (!layer) { return; }
      var apply = function () { layer.hidden = !box.checked; };
      box.addEventListener('change', apply);
      apply();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    charts();
    sortable();
    overlays();
  });
  document.addEventListener('htmx:afterSwap', function (e) { sortable(e.target); });
})();
