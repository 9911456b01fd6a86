// Draws the community dashboard's survey chart (NPS per event with CES and heat means) with ECharts from the JSON
// block the server rendered into the page.
(function () {
  'use strict';

  function start() {
    var source = document.getElementById('survey-kpi-data');
    var element = document.getElementById('chart-surveys');
    if (!source || !element || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var labels = data.labels;
    var events = data.events;
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: {
        trigger: 'axis',
        // the tooltip is HTML: every text from the data is escaped
        formatter: function (items) {
          var escape = echarts.format.encodeHTML;
          var event = events[items[0].dataIndex];
          return [escape(event.label), escape(labels.responses) + ': ' + event.responses].concat(items.map(function (item) {
            return escape(item.seriesName) + ': ' + (item.value === null || item.value === undefined ? '—' : item.value);
          })).join('<br>');
        }
      },
      legend: { top: 0 },
      grid: { left: 56, right: 56, top: 40, bottom: 40 },
      xAxis: {
        type: 'category',
        data: events.map(function (e) { return e.label; }),
        axisLabel: { formatter: function (label) { return label.substring(0, 10); } }
      },
      yAxis: [{ type: 'value', name: labels.nps, min: -100, max: 100 }, { type: 'value', min: 1, max: 7 }],
      series: [
        { name: labels.nps, type: 'bar', data: events.map(function (e) { return e.nps; }) },
        { name: labels['ces-mean'], type: 'line', yAxisIndex: 1, connectNulls: true,
          data: events.map(function (e) { return e.cesMean; }) },
        { name: labels['heat-mean'], type: 'line', yAxisIndex: 1, connectNulls: true,
          data: events.map(function (e) { return e.heatMean; }) }
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
