// The engagement page: charts over the recordings and of a simulation (the tables under them say the same without
// JavaScript),
// and live updates: when the server says the engagement changed, the page fetches itself again and swaps
// in its fresh parts, leaving alone any part the user is typing in.
(function () {
  'use strict';

  // A metric's recordings as a line against its baseline
  function seriesChart(series) {
    var labels = series.points.map(function (p) { return p.date; });
    return {
      type: 'line',
      labels: labels,
      datasets: [
        { label: series.name + ' (' + series.unit + ')', data: series.points.map(function (p) { return Number(p.value); }),
          borderColor: '#0b5cad', backgroundColor: '#0b5cad', tension: 0.2 },
        { label: 'Baseline', data: labels.map(function () { return Number(series.baselineValue); }),
          borderColor: '#a12622', borderDash: [6, 4], pointRadius: 0 }
      ]
    };
  }

  // A simulation's answer: the supplier's share per period as agreed beside the simulated one
  function simulationChart(simulation) {
    var numbers = function (values) { return values.map(function (v) { return v === null ? null : Number(v); }); };
    return {
      type: 'bar',
      labels: simulation.labels,
      datasets: [
        { label: 'As agreed', data: numbers(simulation.actual), backgroundColor: '#0b5cad' },
        { label: 'Simulated', data: numbers(simulation.simulated), backgroundColor: '#c27c0e' }
      ]
    };
  }

  function drawCharts(root) {
    if (typeof Chart === 'undefined') { return; }
    root.querySelectorAll('canvas.chart').forEach(function (canvas) {
      if (Chart.getChart(canvas)) { return; }
      var chart = canvas.dataset.series ? seriesChart(JSON.parse(canvas.dataset.series))
        : canvas.dataset.simulation ? simulationChart(JSON.parse(canvas.dataset.simulation)) : null;
      if (!chart) { return; }
      new Chart(canvas, {
        type: chart.type,
        data: { labels: chart.labels, datasets: chart.datasets },
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
        var status = document.getElementById('live-status');
        if (status) { status.textContent = 'Updated at ' + new Date().toLocaleTimeString(); }
      });
  }

  drawCharts(document);
  var main = document.querySelector('main[data-live-url]');
  if (main && window.EventSource) {
    new EventSource(main.dataset.liveUrl).addEventListener('changed', refresh);
  }
}());
