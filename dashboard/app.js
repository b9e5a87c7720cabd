// The supervisors' dashboard (督办看板): reads the supervisor API with the staff token the user pasted
// (kept in sessionStorage only) and shows the rates per unit as an ECharts chart, the figures, the overdue
// cases, the monthly ranking and a case's timeline. Plain script, no build step; same origin as the API.
/* global document, window, sessionStorage, location, history, atob */
(function () {
  'use strict';
  var TOKEN_KEY = 'hotline12345.staffToken';
  var LEVEL_NAMES = { district: '区', street: '街镇', community: '村社', grid: '网格', department: '区属部门' };
  var BELOW = { district: 'street', street: 'community', community: 'grid', grid: 'grid', department: 'department' };
  var RATES = [
    ['acceptOnTimeRate', '按时签收率'],
    ['responseRate', '响应率'],
    ['onTimeRate', '按时办结率'],
    ['resolutionRate', '解决率'],
    ['satisfactionRate', '满意率'],
  ];
  var WEIGHT_NAMES = { satisfactionRate: '满意率', resolutionRate: '解决率', onTimeRate: '按时办结率', responseRate: '响应率' };
  var chart = null;
  var $ = function (id) { return document.getElementById(id); };

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function claims(t) {
    try {
      var part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var json = decodeURIComponent(Array.prototype.map.call(atob(part), function (c) { return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2); }).join(''));
      return JSON.parse(json);
    } catch { return {}; }
  }

  function api(path) {
    return fetch(path, { headers: { authorization: 'Bearer ' + token() } }).then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) throw new Error((body && body.error && body.error.message) || ('HTTP ' + res.status));
        return body;
      });
    });
  }

  function pct(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }
  function duration(min) {
    if (min === null || min === undefined) return '—';
    if (min < 60) return min + ' 分钟';
    if (min < 1440) return (min / 60).toFixed(1) + ' 小时';
    return (min / 1440).toFixed(1) + ' 天';
  }
  function beijing(iso) {
    var d = new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString();
    return d.slice(0, 10) + ' ' + d.slice(11, 16);
  }
  function cell(text, cls) { var td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }
  function fill(tbody, rows) { tbody.replaceChildren.apply(tbody, rows); }
  function status(text, error) { var s = $('status'); s.textContent = text; s.className = error ? 'status error' : 'status'; }

  function drawChart(units) {
    if (!window.echarts) { status('图表库未加载', true); return; }
    chart = chart || window.echarts.init($('chart'), null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de'],
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '无数据' : v + '%'; } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 72 },
      xAxis: { type: 'category', data: units.map(function (u) { return u.unitName; }), axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: RATES.map(function (r) {
        return { name: r[1], type: 'bar', data: units.map(function (u) { var v = u.summary.rates[r[0]]; return v === null ? null : Math.round(v * 1000) / 10; }) };
      }),
    }, true);
    document.body.dataset.chartReady = String(units.length);
  }

  function loadSummary() {
    var q = 'level=' + $('level').value + ($('from').value && $('to').value ? '&from=' + $('from').value + '&to=' + $('to').value : '');
    return api('/sla/summary?' + q).then(function (body) {
      $('from').value = body.from; $('to').value = body.to;
      drawChart(body.units);
      fill($('units').tBodies[0], body.units.map(function (u) {
        var c = u.summary.counts, tr = document.createElement('tr');
        tr.append(cell(u.unitName), cell(c.received, 'num'), cell(c.accepted, 'num'), cell(c.resolved, 'num'), cell(u.overdueNow, 'num'), cell(c.returned, 'num'), cell(c.reopened, 'num'),
          cell(pct(u.summary.rates.onTimeRate), 'num'), cell(pct(u.summary.rates.satisfactionRate), 'num'),
          cell(duration(u.summary.times.resolveMedianMinutes), 'num'), cell(duration(u.summary.times.resolveP90Minutes), 'num'));
        return tr;
      }));
      return body.units.length;
    });
  }

  function loadOverdue() {
    return api('/sla/overdue').then(function (body) {
      $('overdue-unit').textContent = (body.unitName || body.unitCode) + ' · ' + body.cases.length + ' 件';
      fill($('overdue').tBodies[0], body.cases.map(function (c) {
        var tr = document.createElement('tr'), td = document.createElement('td'), a = document.createElement('a');
        a.className = 'case'; a.textContent = c.caseId; a.onclick = function () { loadTimeline(c.caseId); };
        td.append(a);
        var worst = c.overdue[0];
        tr.append(td, cell(c.owner.name), cell(worst.name), cell(duration(worst.overdueMinutes), 'num'));
        return tr;
      }));
    });
  }

  function loadRanking() {
    var month = ($('to').value || new Date().toISOString()).slice(0, 7);
    return api('/sla/ranking?level=' + $('level').value + '&month=' + month).then(function (body) {
      $('ranking-month').textContent = body.month;
      fill($('ranking').tBodies[0], body.units.map(function (u) {
        var tr = document.createElement('tr');
        tr.append(cell(u.rank === null ? '—' : u.rank, 'num'), cell(u.unitName), cell(u.score === null ? '无数据' : u.score.toFixed(2), 'num'), cell(u.received, 'num'));
        return tr;
      }));
      $('weights').textContent = '综合得分权重：' + Object.keys(body.weights).map(function (k) { return WEIGHT_NAMES[k] + ' ' + Math.round(body.weights[k] * 100) + '%'; }).join('，');
    });
  }

  function loadTimeline(caseId) {
    return api('/sla/cases/' + encodeURIComponent(caseId)).then(function (body) {
      $('timeline-case').textContent = caseId + ' · ' + body.case.statusName;
      fill($('timeline'), body.timeline.map(function (e) {
        var li = document.createElement('li'), t = document.createElement('time');
        li.className = e.type; t.textContent = beijing(e.at);
        li.append(t, document.createTextNode(e.statusName + (e.reason ? '：' + e.reason : '')));
        return li;
      }));
    }).catch(function (e) { status('时间线读取失败：' + e.message, true); });
  }

  function refresh() {
    status('加载中…');
    Promise.all([loadSummary(), loadOverdue()]).then(function (r) { return loadRanking().then(function () { return r[0]; }); })
      .then(function (n) { status('已更新 ' + beijing(new Date().toISOString()) + '，共 ' + n + ' 个单位'); })
      .catch(function (e) { status('读取失败：' + e.message, true); });
  }

  function start() {
    var hash = /token=([^&]+)/.exec(location.hash);
    if (hash) { sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(hash[1])); history.replaceState(null, '', location.pathname); }
    if (!token()) { $('login').hidden = false; return; }
    var c = claims(token());
    $('who').textContent = (c['custom:unit'] || '') + ' · ' + (LEVEL_NAMES[c['custom:level']] || '') + '督办';
    $('level').value = BELOW[c['custom:level']] || 'street';
    $('board').hidden = false;
    refresh();
  }

  $('login-form').onsubmit = function (e) {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.replace(/^Bearer\s+/i, '').trim());
    $('login').hidden = true;
    start();
  };
  $('refresh').onclick = refresh;
  $('level').onchange = refresh;
  window.addEventListener('resize', function () { if (chart) chart.resize(); });
  start();
})();
