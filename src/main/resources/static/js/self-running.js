// Draws the dashboard's self-running index per quarter with ECharts from the JSON block the server rendered.
(function () {
  'use strict';

  function start() {
    var source = document.getElementById('self-running-data');
    var element = document.getElementById('chart-self-running');
    if (!source || !element || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var labels = data.labels;
    var quarters = data.quarters;
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: quarters.map(function (q) { return q.quarter; }) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', name: labels.index, min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
      ],
      series: [
        { name: labels.selfRun, type: 'bar', stack: 'events', data: quarters.map(function (q) { return q.selfRun; }) },
        { name: labels.staffRun, type: 'bar', stack: 'events', data: quarters.map(function (q) { return q.staffRun; }) },
        { name: labels.unknown, type: 'bar', stack: 'events', data: quarters.map(function (q) { return q.unknown; }) },
        {
          name: labels.index, type: 'line', yAxisIndex: 1, connectNulls: false,
          data: quarters.map(function (q) { return q.index; })
        }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
