// Draws the dashboard's ladder (members per step) as a funnel with ECharts from the JSON block the server rendered,
// once htmx has put the section into the page.
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
      series: [{
        name: data.label,
        type: 'funnel',
        // a step may hold more members than the one below it: keep the ladder's order, not the sizes'
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '5%',
        label: { show: true, position: 'inside', formatter: '{b}: {c}' },
        data: data.steps
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
