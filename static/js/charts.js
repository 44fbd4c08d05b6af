/* Draws the page's charts with Chart.js (static/vendor/chartjs). Each <canvas data-chart="ID"> reads
   its figures from the json_script element ID, written by helpdesk.charts.chart_spec: no inline
   script, so the page keeps its strict Content Security Policy. The same figures are in the table
   beside every chart. Redrawn after an htmx swap. */
(function () {
  "use strict";

  function percent(value) {
    return value === null || value === undefined ? "" : (value * 100).toFixed(value < 0.1 ? 2 : 1) + "%";
  }

  function config(spec) {
    var datasets = spec.datasets.map(function (set) {
      return {
        type: set.type || spec.type,
        label: set.label,
        data: set.data,
        borderColor: set.color,
        backgroundColor: set.color,
        borderDash: set.dashed ? [6, 4] : [],
        pointRadius: set.type === "line" || spec.type === "line" ? 2 : 0,
        spanGaps: true,
        stack: set.stack,
      };
    });
    var y = { beginAtZero: true, stacked: !!spec.stacked };
    var x = { stacked: !!spec.stacked };
    if (spec.percent) {
      y.ticks = { callback: percent };
      if (spec.yMax) { y.suggestedMax = spec.yMax; }
    }
    return {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? "y" : "x",
        scales: spec.horizontal ? { x: y, y: x } : { x: x, y: y },
        plugins: {
          legend: { position: "bottom" },
          tooltip: spec.percent ? { callbacks: { label: function (item) { return item.dataset.label + ": " + percent(item.raw); } } } : {},
        },
      },
    };
  }

  function draw(root) {
    if (!window.Chart) { return; }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.chart);
      if (!source || canvas.dataset.drawn) { return; }
      new window.Chart(canvas, config(JSON.parse(source.textContent)));
      canvas.dataset.drawn = "1";
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
})();
