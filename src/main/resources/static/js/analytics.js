// Draws the analytics charts from the series the page puts in each canvas's data attributes (no inline script:
// the content security policy forbids it). Chart.js is loaded just before this file.
(function () {
  'use strict';

  function series(canvas, name) {
    var raw = canvas.dataset[name];
    return raw ? raw.split(',') : [];
  }

  // Days (2026-11-05) as the page's language writes them: "5 Nov", "5. Nov.", "5 nov." ("en" reads as en-GB).
  var pageLanguage = document.documentElement.lang === 'en' ? 'en-GB' : (document.documentElement.lang || 'en-GB');
  var dayFormat = new Intl.DateTimeFormat(pageLanguage, { day: 'numeric', month: 'short', timeZone: 'UTC' });

  function days(canvas) {
    return series(canvas, 'days').map(function (day) {
      var parsed = new Date(day + 'T00:00:00Z');
      return isNaN(parsed) ? day : dayFormat.format(parsed);
    });
  }

  function numbers(canvas, name) {
    return series(canvas, name).map(Number);
  }

  // No animation: the figures are read, not watched (and a reader who asked for reduced motion gets none).
  var common = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    scales: { x: { ticks: { maxTicksLimit: 8 } }, y: { beginAtZero: true, ticks: { precision: 0 } } }
  };

  function draw() {
    if (typeof Chart === 'undefined') {
      return;
    }
    var funnel = document.getElementById('funnel-chart');
    if (funnel) {
      // The portal names the series in the reader's language (data-labels="Clicks|Leads|New customers").
      var names = (funnel.dataset.labels || 'Clicks|Leads|New customers').split('|');
      new Chart(funnel, {
        type: 'line',
        data: {
          labels: days(funnel),
          datasets: [
            { label: names[0], data: numbers(funnel, 'clicks'), borderColor: '#1f7a4d', backgroundColor: '#1f7a4d', yAxisID: 'y', tension: 0 },
            { label: names[1], data: numbers(funnel, 'leads'), borderColor: '#0d6efd', backgroundColor: '#0d6efd', yAxisID: 'y1', tension: 0 },
            { label: names[2], data: numbers(funnel, 'customers'), borderColor: '#b45309', backgroundColor: '#b45309', yAxisID: 'y1', tension: 0 }
          ]
        },
        options: Object.assign({}, common, {
          scales: {
            x: common.scales.x,
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: names[0] } },
            y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 },
                  title: { display: true, text: names[1] + ', ' + names[2] } }
          }
        })
      });
    }
    var linkClicks = document.getElementById('clicks-chart');
    if (linkClicks) {
      new Chart(linkClicks, {
        type: 'bar',
        data: {
          labels: days(linkClicks),
          datasets: [{ label: 'Clicks', data: numbers(linkClicks, 'clicks'), backgroundColor: '#1f7a4d' }]
        },
        options: Object.assign({}, common, { plugins: { legend: { display: false } } })
      });
    }
    var revenue = document.getElementById('revenue-chart');
    if (revenue) {
      new Chart(revenue, {
        type: 'bar',
        data: {
          labels: days(revenue),
          datasets: [{ label: (revenue.dataset.label || 'Partner revenue') + ' (' + revenue.dataset.currency + ')', data: numbers(revenue, 'revenue'), backgroundColor: '#1f7a4d' }]
        },
        options: Object.assign({}, common, { plugins: { legend: { display: false } } })
      });
    }
    // The homes' small charts: a figure per day, this period solid, the one before dashed, day by day.
    document.querySelectorAll('canvas.trend-chart').forEach(function (canvas) {
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: days(canvas),
          datasets: [
            { label: 'Last 30 days', data: numbers(canvas, 'now'), borderColor: '#1f7a4d', backgroundColor: '#1f7a4d',
              pointRadius: 0, borderWidth: 2, tension: 0 },
            { label: '30 days before', data: numbers(canvas, 'before'), borderColor: '#8a9a91', backgroundColor: '#8a9a91',
              borderDash: [4, 3], pointRadius: 0, borderWidth: 1.5, tension: 0 }
          ]
        },
        options: Object.assign({}, common, {
          plugins: { legend: { display: false } },
          scales: { x: { display: false }, y: { display: false, beginAtZero: true } }
        })
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
