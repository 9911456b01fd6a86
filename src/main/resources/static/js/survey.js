// Draws the survey's score distributions with ECharts from the JSON block the server rendered into the page.
(function () {
  'use strict';

  function draw(id, series) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      title: { text: series.label, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: series.counts.map(function (c, i) { return String(i + series.first); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: series.counts }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    var source = document.getElementById('survey-data');
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    draw('chart-nps', data.nps);
    draw('chart-ces', data.ces);
    draw('chart-heat', data.heat);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
