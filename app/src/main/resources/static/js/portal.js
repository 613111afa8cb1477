// Draws each metric's recordings against its baseline; the table under each chart says the same without JavaScript.
document.querySelectorAll('canvas.chart[data-series]').forEach(function (canvas) {
  if (typeof Chart === 'undefined') { return; }
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
