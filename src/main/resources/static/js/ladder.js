// Draws the dashboard's ladder (members per step) with ECharts from the JSON block the server rendered, once htmx has
// put the section into the page: horizontal bars in the ladder's order from top to bottom, whatever their sizes, since
// a step may hold more members than the one below it and a funnel would reorder or mislead.
(function () {
  'use strict';

  function start() {
    var source = document.getElementById('ladder-data');
    var element = document.getElementById('chart-ladder');
    if (!source || !element || typeof echarts === 'undefined' || echarts.getInstanceByDom(element)) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: data.steps.map(function (s) { return s.name; }) },
      series: [{
        name: data.label,
        type: 'bar',
        barMaxWidth: 28,
        label: { show: true, position: 'right' },
        data: data.steps.map(function (s) { return s.value; })
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('htmx:afterSettle', start);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
