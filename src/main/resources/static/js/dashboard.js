// Draws the community dashboard's charts with ECharts from the JSON block the server rendered into the page.
(function () {
  'use strict';

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function percentAxis(name) {
    return { type: 'value', name: name, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
  }

  // Labels never overlap: ECharts leaves out those that would, and tilts them once there are many. Per event the
  // label is the date (the title is in the tooltip); per month it is the month and its number of events.
  function eventAxis(events, perMonth) {
    return {
      type: 'category',
      data: events.map(function (e) { return e.label; }),
      axisLabel: {
        interval: 'auto', hideOverlap: true, rotate: events.length > 12 ? 40 : 0,
        formatter: function (label) { return perMonth ? label : label.substring(0, 10); }
      }
    };
  }

  function start() {
    var source = document.getElementById('kpi-data');
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var labels = data.labels;
    var events = data.events;
    var perMonth = data.perMonth;
    var tooltip = { trigger: 'axis' };

    draw('chart-attendees', {
      tooltip: tooltip,
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 72 },
      xAxis: eventAxis(events, perMonth),
      yAxis: [{ type: 'value', minInterval: 1 }, percentAxis(labels['newcomer-ratio'])],
      series: [
        { name: labels.newcomers, type: 'bar', stack: 'attendees', data: events.map(function (e) { return e.newcomers; }) },
        { name: labels.returning, type: 'bar', stack: 'attendees', data: events.map(function (e) { return e.returning; }) },
        {
          name: labels['newcomer-ratio'], type: 'line', yAxisIndex: 1, connectNulls: false,
          data: events.map(function (e) { return e.newcomerRatio; }),
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(43, 138, 62, 0.12)' },
            label: { show: true, position: 'insideTopRight', formatter: labels.band },
            data: [[{ yAxis: data.band[0] }, { yAxis: data.band[1] }]]
          }
        }
      ]
    });

    draw('chart-return-rate', {
      tooltip: tooltip,
      grid: { left: 56, right: 24, top: 24, bottom: 72 },
      xAxis: eventAxis(events, perMonth),
      yAxis: percentAxis(''),
      series: [{ name: labels['return-rate'], type: 'line', data: events.map(function (e) { return e.returnRate; }) }]
    });

    draw('chart-no-show', {
      tooltip: tooltip,
      grid: { left: 56, right: 24, top: 24, bottom: 72 },
      xAxis: eventAxis(events, perMonth),
      yAxis: percentAxis(''),
      series: [{ name: labels['no-show-rate'], type: 'bar', data: events.map(function (e) { return e.noShowRate; }) }]
    });

    // a readable cell per cohort month: the chart grows with the months and its box scrolls
    var cohorts = document.getElementById('chart-cohorts');
    if (cohorts) {
      cohorts.style.height = Math.max(320, data.cohorts.months.length * 28 + 110) + 'px';
    }
    draw('chart-cohorts', {
      tooltip: {
        position: 'top',
        formatter: function (p) {
          return data.cohorts.months[p.value[1]] + ' · ' + data.cohorts.windows[p.value[0]] + ': ' + p.value[2] + '%';
        }
      },
      grid: { left: 72, right: 24, top: 16, bottom: 72 },
      xAxis: { type: 'category', data: data.cohorts.windows, splitArea: { show: true },
               axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'category', data: data.cohorts.months, splitArea: { show: true },
               axisLabel: { interval: 0, hideOverlap: true } },
      visualMap: {
        min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        inRange: { color: ['#f1f3f5', '#2b8a3e'] }
      },
      series: [{
        name: labels.retention, type: 'heatmap', data: data.cohorts.cells,
        label: { show: true, fontSize: 11, formatter: function (p) { return p.value[2] + '%'; } }
      }]
    });

    draw('chart-quarters', {
      tooltip: tooltip,
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: data.quarters.map(function (q) { return q.quarter; }),
               axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: labels.events, type: 'bar', data: data.quarters.map(function (q) { return q.events; }) }]
    });

    var followerSource = document.getElementById('followers-data');
    if (followerSource) {
      var followers = JSON.parse(followerSource.textContent);
      draw('chart-followers', {
        tooltip: tooltip,
        grid: { left: 48, right: 24, top: 24, bottom: 40 },
        xAxis: { type: 'category', data: followers.months, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: followers.label, type: 'line', step: 'end', data: followers.followers }]
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
