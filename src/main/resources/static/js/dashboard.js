// Monitoring dashboard (ISO 10002 8.4): draws the trend and breakdown charts from the JSON API with
// the page's filters; a click on a bar opens the complaints behind it. Served from /js (CSP: no inline script).
(function () {
  'use strict';
  var body = document.body;
  var query = body.getAttribute('data-query') || '';
  var interval = body.getAttribute('data-interval') || 'month';
  var colours = { received: '#1b6ca8', closed: '#7a9cc6', line: '#1b3a57', target: '#b3261e', good: '#1f7a3a',
    warn: '#d98e04' };

  function get(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(path + ': ' + r.status); }
      return r.json();
    });
  }

  function targetLine(label, value, length, axis) {
    if (value === null || value === undefined) { return null; }
    return { type: 'line', label: label, data: new Array(length).fill(value), borderColor: colours.target,
      borderDash: [6, 4], pointRadius: 0, borderWidth: 2, yAxisID: axis || 'y', fill: false };
  }

  // Axes that count complaints or answers step in whole numbers: one complaint is never 0.5 of a bar.
  function whole() { return { beginAtZero: true, ticks: { precision: 0 } }; }

  function chart(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) { return null; }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } } }, config.options || {});
    return new Chart(canvas, config);
  }

  function drillDown(params) {
    window.location.href = '/staff/complaints?' + params;
  }

  function withParam(qs, name, value) {
    var p = new URLSearchParams(qs);
    p.set(name, value);
    return p.toString();
  }

  function trend(data) {
    var labels = data.points.map(function (p) { return p.from; });
    var n = labels.length;
    var t = data.targets;
    var volume = chart('chart-volume', { type: 'bar', data: { labels: labels, datasets: [
      { label: 'Received', data: data.points.map(function (p) { return p.received; }), backgroundColor: colours.received },
      { label: 'Closed', data: data.points.map(function (p) { return p.closed; }), backgroundColor: colours.closed }] },
      options: { scales: { y: whole() }, onClick: function (e, items) {
        if (!items.length) { return; }
        var p = data.points[items[0].index];
        var qs = withParam(withParam(query, 'from', p.from), 'to', p.to);
        drillDown('kpi=' + (items[0].datasetIndex === 0 ? 'received' : 'time-to-close') + '&' + qs);
      } } });
    chart('chart-time-to-close', { type: 'line', data: { labels: labels, datasets: [
      { label: 'Time to close (days)', data: data.points.map(function (p) { return p.timeToClose; }),
        borderColor: colours.line, backgroundColor: colours.line, spanGaps: true },
      targetLine('Target', t['time-to-close'], n)].filter(Boolean) }, options: { scales: { y: { beginAtZero: true } } } });
    chart('chart-within-target', { type: 'line', data: { labels: labels, datasets: [
      { label: 'Within target (%)', data: data.points.map(function (p) { return p.withinTarget; }),
        borderColor: colours.good, backgroundColor: colours.good, spanGaps: true },
      targetLine('Objective', t['within-target'], n)].filter(Boolean) },
      options: { scales: { y: { min: 0, max: 100 } } } });
    chart('chart-satisfaction', { type: 'line', data: { labels: labels, datasets: [
      { label: 'Satisfaction (1-5)', data: data.points.map(function (p) { return p.satisfaction; }),
        borderColor: colours.good, backgroundColor: colours.good, yAxisID: 'y', spanGaps: true },
      targetLine('Satisfaction target', t.satisfaction, n, 'y'),
      { label: 'Escalated (%)', data: data.points.map(function (p) { return p.escalated; }),
        borderColor: colours.warn, backgroundColor: colours.warn, yAxisID: 'y1', spanGaps: true },
      targetLine('Escalation target', t.escalated, n, 'y1')].filter(Boolean) },
      options: { scales: { y: { min: 1, max: 5, position: 'left' }, y1: { min: 0, position: 'right',
        grid: { drawOnChartArea: false } } } } });
    return volume;
  }

  function breakdown(dimension) {
    return get('/api/staff/kpis/breakdown?dimension=' + dimension + '&' + query).then(function (data) {
      var rows = data.rows.slice(0, 15);
      chart('chart-' + dimension, { type: 'bar', data: { labels: rows.map(function (r) { return r.label || r.value; }), datasets: [
        { label: 'Received', data: rows.map(function (r) { return r.received; }), backgroundColor: colours.received },
        { label: 'Closed', data: rows.map(function (r) { return r.closed; }), backgroundColor: colours.closed }] },
        options: { indexAxis: 'y', scales: { x: whole() }, onClick: function (e, items) {
          if (!items.length) { return; }
          var value = rows[items[0].index].value;
          if (value === '(none)') { return; }
          drillDown('kpi=' + (items[0].datasetIndex === 0 ? 'received' : 'time-to-close') + '&'
            + withParam(query, dimension, value));
        } } });
    });
  }

  function snapshot(report) {
    var stages = Object.keys(report.openByStage);
    chart('chart-open-stage', { type: 'bar', data: { labels: stages, datasets: [{ label: 'Open now',
      data: stages.map(function (s) { return report.openByStage[s]; }), backgroundColor: colours.received }] },
      options: { indexAxis: 'y', scales: { x: whole() }, onClick: function () { drillDown('kpi=open&' + query); } } });
    var bands = Object.keys(report.openByAge);
    chart('chart-open-age', { type: 'bar', data: { labels: bands, datasets: [{ label: 'Open now',
      data: bands.map(function (b) { return report.openByAge[b]; }), backgroundColor: colours.warn }] },
      options: { scales: { y: whole() }, onClick: function () { drillDown('kpi=open&' + query); } } });
    var ratings = Object.keys(report.satisfactionDistribution);
    chart('chart-satisfaction-distribution', { type: 'bar', data: { labels: ratings, datasets: [{ label: 'Answers',
      data: ratings.map(function (r) { return report.satisfactionDistribution[r]; }), backgroundColor: colours.good }] },
      options: { scales: { y: whole() }, onClick: function () { drillDown('kpi=satisfaction&' + query); } } });
  }

  function start() {
    if (typeof Chart === 'undefined') { return; }
    Promise.all([
      get('/api/staff/kpis/trend?interval=' + interval + '&' + query).then(trend),
      breakdown('category'), breakdown('channel'), breakdown('team'), breakdown('severity'),
      Promise.resolve(JSON.parse(body.getAttribute('data-snapshot') || '{}')).then(snapshot)
    ]).then(function () {
      body.setAttribute('data-charts', 'ready');
    }).catch(function (e) {
      body.setAttribute('data-charts', 'failed');
      var p = document.createElement('p');
      p.className = 'error';
      p.textContent = 'The charts could not be loaded: ' + e.message;
      document.getElementById('trend-heading').after(p);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
