// Draws the dashboard's output charts (output rate per event; outputs per day around the chosen event) with ECharts,
// from the JSON block the server rendered into the page.
(function () {
  'use strict';

  function chartIn(id) {
    var element = document.getElementById(id);
    if (!element) {
      return null;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  function burstOption(data, event) {
    var labels = data.labels;
    var option = {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 24, bottom: 48 },
      xAxis: { type: 'category', name: labels.day, nameLocation: 'middle', nameGap: 28, data: data.days },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: labels['outputs-per-day'], type: 'bar', data: event ? event.perDay : [] }]
    };
    if (event && event.peakDay !== null) {
      option.series[0].markLine = {
        silent: true, symbol: 'none',
        data: [{ xAxis: String(event.peakDay) }].concat(event.decayDays === null ? []
          : [{ xAxis: String(event.peakDay + event.decayDays) }])
      };
    }
    return option;
  }

  function start() {
    var source = document.getElementById('output-data');
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var events = data.events;

    var rate = chartIn('chart-output-rate');
    if (rate) {
      rate.setOption({
        tooltip: { trigger: 'axis' },
        grid: { left: 56, right: 24, top: 24, bottom: 40 },
        xAxis: {
          type: 'category', data: events.map(function (e) { return e.label; }),
          axisLabel: { formatter: function (label) { return label.substring(0, 10); } }
        },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [{ name: data.labels['output-rate'], type: 'bar', data: events.map(function (e) { return e.outputRate; }) }]
      });
    }

    var burst = chartIn('chart-burst');
    var picker = document.getElementById('burst-event');
    if (burst) {
      var byId = {};
      events.forEach(function (e) { byId[String(e.id)] = e; });
      var chosen = picker && byId[picker.value] ? byId[picker.value] : events[events.length - 1];
      burst.setOption(burstOption(data, chosen));
      if (picker) {
        picker.addEventListener('change', function () {
          burst.setOption(burstOption(data, byId[picker.value]), true);
        });
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
