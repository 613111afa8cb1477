// The engagement page: charts over the recordings (the tables under them say the same without JavaScript),
// and live updates: when the server says the engagement changed, the page fetches itself again and swaps
// in its fresh parts, leaving alone any part the user is typing in.
(function () {
  'use strict';

  function drawCharts(root) {
    if (typeof Chart === 'undefined') { return; }
    root.querySelectorAll('canvas.chart[data-series]').forEach(function (canvas) {
      if (Chart.getChart(canvas)) { return; }
      var series = JSON.parse(canvas.dataset.series);
      var labels = series.points.map(function (p) { return p.date; });
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: labels,
          datasets: [
            { label: series.name + ' (' + series.unit + ')', data: series.points.map(function (p) { return Number(p.value); }),
              borderColor: '#0b5cad', backgroundColor: '#0b5cad', tension: 0.2 },
            { label: 'Baseline', data: labels.map(function () { return Number(series.baselineValue); }),
              borderColor: '#a12622', borderDash: [6, 4], pointRadius: 0 }
          ]
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false }
      });
    });
  }

  // A simulation's answer: the supplier's share per period as settled beside the simulated one
  function drawSimulations(root) {
    if (typeof Chart === 'undefined') { return; }
    root.querySelectorAll('canvas.chart[data-simulation]').forEach(function (canvas) {
      if (Chart.getChart(canvas)) { return; }
      var simulation = JSON.parse(canvas.dataset.simulation);
      var numbers = function (values) { return values.map(function (v) { return v === null ? null : Number(v); }); };
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: simulation.labels,
          datasets: [
            { label: 'As agreed', data: numbers(simulation.actual), backgroundColor: '#0b5cad' },
            { label: 'Simulated', data: numbers(simulation.simulated), backgroundColor: '#c27c0e' }
          ]
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false }
      });
    });
  }

  function refresh() {
    fetch(window.location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live]').forEach(function (part) {
          var next = fresh.querySelector('[data-live="' + part.dataset.live + '"]');
          if (!next || part.contains(document.activeElement)) { return; }
          var open = Array.prototype.map.call(part.querySelectorAll('details'), function (d) { return d.open; });
          if (part.tagName === 'DETAILS') { next.open = part.open; }
          part.innerHTML = next.innerHTML;
          part.querySelectorAll('details').forEach(function (d, i) { d.open = !!open[i]; });
        });
        drawCharts(document);
        drawSimulations(document);
        var status = document.getElementById('live-status');
        if (status) { status.textContent = 'Updated at ' + new Date().toLocaleTimeString(); }
      });
  }

  drawCharts(document);
  drawSimulations(document);
  var main = document.querySelector('main[data-live-url]');
  if (main && window.EventSource) {
    new EventSource(main.dataset.liveUrl).addEventListener('changed', refresh);
  }
}());
