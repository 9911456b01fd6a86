// Draws the love-and-reach quadrant (reach on a log axis, love upwards, the thresholds as lines) with ECharts from the
// JSON block the server rendered into the page.
(function () {
  'use strict';

  function start() {
    var source = document.getElementById('love-reach-data');
    var element = document.getElementById('chart-love-reach');
    if (!source || !element || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var escape = echarts.format.encodeHTML;
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    var series = data.series.map(function (s) {
      return { name: s.name, type: 'scatter', symbolSize: 9, data: s.points };
    });
    if (series.length > 0) {
      series[0].markLine = {
        silent: true, symbol: 'none', lineStyle: { type: 'dashed' }, label: { show: false },
        data: [{ xAxis: data.thresholds.reach }, { yAxis: data.thresholds.love }]
      };
    }
    chart.setOption({
      tooltip: {
        trigger: 'item',
        // the tooltip is HTML: every text from the data is escaped
        formatter: function (item) {
          return escape(item.value[2]) + '<br>' + escape(data.labels.love) + ': ' + item.value[1] + '<br>'
            + escape(data.labels.reach) + ': ' + item.value[3];
        }
      },
      legend: { top: 0 },
      grid: { left: 56, right: 40, top: 40, bottom: 48 },
      xAxis: { type: 'log', name: data.labels.reach, nameLocation: 'middle', nameGap: 28, min: 1 },
      yAxis: { type: 'value', name: data.labels.love, min: 0 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
