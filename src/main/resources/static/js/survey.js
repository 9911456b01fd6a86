// Draws the survey's score distributions with ECharts from the JSON block the server rendered into the page.
(function () {
  'use strict';

  function draw(id, series) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    var categories = series.categories
      || series.counts.map(function (c, i) { return String(i + series.first); });
    chart.setOption({
      title: { text: series.label, left: 'center', textStyle: { fontSize: 14, width: element.clientWidth - 16, overflow: 'truncate' } },
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 16, top: 40, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: series.counts }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawTrend(trend) {
    var element = document.getElementById('chart-trend');
    if (!element || !trend) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [trend.npsLabel, trend.heatLabel] },
      grid: { left: 44, right: 44, top: 40, bottom: 48 },
      xAxis: { type: 'category', data: trend.labels, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: [{ type: 'value', min: -100, max: 100 }, { type: 'value', min: 1, max: 5 }],
      series: [
        { name: trend.npsLabel, type: 'line', data: trend.nps, connectNulls: true },
        { name: trend.heatLabel, type: 'line', yAxisIndex: 1, data: trend.heat, connectNulls: true }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    var source = document.getElementById('survey-data');
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (data.trend) {
      drawTrend(data.trend);
      return;
    }
    draw('chart-nps', data.nps);
    draw('chart-ces', data.ces);
    draw('chart-heat', data.heat);
    (data.questions || []).forEach(function (question) {
      draw('chart-question-' + question.id, question);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
