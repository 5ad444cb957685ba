// The Reports page: a range, interval, grouping and queue; the call volume as stacked bars (a
// click shows the calls behind a bar), the queues' figures and the agents' figures, each with
// its CSV. The figures are defined in docs/metrics.md, "Reports".

import { t, language } from './i18n.js';
import * as api from './api.js';
import { el, fillTable, showResult, errorText, liveText } from './dom.js';
import { duration, percent, serviceLevel, count, dateTime, dateIn, bucketLabel, addDays, bucketStarts, zonedMillis } from './format.js';
import { axisTooltip } from './tooltip.js';

const $ = (id) => document.getElementById(id);
const DRILL_PAGE_SIZE = 20;

/** What the page shows now, for whoever inspects it (the browser test reads it). */
const state = { volume: null, summary: null, agents: null, series: [], drill: null };
window.hotlineConsole = Object.assign(window.hotlineConsole ?? {}, { reports: state });

/** A group of the volume report as the page names it: an outcome in words, "(none)" for calls without a value. */
function groupName(by, group) {
  if (group === null || group === undefined) {
    return t('reports.noGroup');
  }
  return by === 'outcome' ? t(`outcome.${group}`) : group;
}

export class ReportsPage {
  constructor() {
    this.chart = null;
    this.today = null;
    this.zone = null;
    this.ran = false;
    $('report-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
    $('report-preset').addEventListener('change', () => this.applyPreset());
    ['report-from', 'report-to'].forEach((id) => $(id).addEventListener('change', () => { $('report-preset').value = 'custom'; }));
    $('drill-close').addEventListener('click', () => this.closeDrill());
    $('drill-prev').addEventListener('click', () => this.drillPage(-1));
    $('drill-next').addEventListener('click', () => this.drillPage(1));
    this.onResize = () => this.chart && this.chart.resize();
  }

  async enter() {
    window.addEventListener('resize', this.onResize);
    if (!this.today) {
      try {
        // The server's today, in the report zone: the presets count from it, not the browser's date.
        const summary = await api.call('GET', '/api/reports/summary');
        this.zone = summary.zone;
        this.today = dateIn(summary.from, summary.zone);
        this.fillQueues(summary);
      } catch (e) {
        showResult($('report-status'), 'error', () => errorText(e, 'action.readReports'));
        return;
      }
      this.applyPreset();
    }
    if (!this.ran) {
      await this.run();
    }
  }

  leave() {
    window.removeEventListener('resize', this.onResize);
  }

  relabel() {
    if (state.volume) {
      this.render();
    }
    if (state.drill) {
      this.renderDrillTable();
    }
  }

  applyPreset() {
    const preset = $('report-preset').value;
    if (!this.today || preset === 'custom') {
      return;
    }
    let from = this.today;
    if (preset === 'last7') {
      from = addDays(this.today, -6);
    } else if (preset === 'month') {
      from = `${this.today.slice(0, 8)}01`;
    }
    $('report-from').value = from;
    $('report-to').value = this.today;
    $('report-interval').value = preset === 'today' ? 'hour' : 'day';
  }

  fillQueues(summary) {
    const select = $('report-queue');
    const chosen = select.value;
    const names = summary.queues.map((q) => q.queue);
    select.replaceChildren(el('option', { value: '', 'data-i18n': 'reports.allQueues', text: t('reports.allQueues') }),
      ...names.map((n) => el('option', { value: n, text: n })));
    if (names.includes(chosen)) {
      select.value = chosen;
    }
  }

  /** The request's parameters: the dates' range in the report zone, [from, to + 1 day). */
  params() {
    const from = $('report-from').value;
    const to = $('report-to').value;
    if (!from || !to || to < from) {
      return null;
    }
    return {
      from,
      to: addDays(to, 1),
      interval: $('report-interval').value,
      by: $('report-by').value,
      queue: $('report-queue').value,
    };
  }

  async run() {
    const p = this.params();
    const status = $('report-status');
    if (!p) {
      showResult(status, 'error', () => t('reports.badRange'));
      return;
    }
    this.ran = true;
    showResult(status, 'busy', () => t('reports.loading'));
    status.dataset.result = 'busy';
    const range = { from: p.from, to: p.to };
    try {
      const [volume, summary, agents] = await Promise.all([
        api.call('GET', api.withQuery('/api/reports/volume', { ...range, interval: p.interval, by: p.by })),
        api.call('GET', api.withQuery('/api/reports/summary', { ...range, queue: p.queue })),
        api.call('GET', api.withQuery('/api/reports/agents', range)),
      ]);
      state.volume = volume;
      state.summary = summary;
      state.agents = agents;
      state.params = p;
      this.zone = volume.zone;
      $('csv-volume').href = api.withQuery('/api/reports/volume', { ...range, interval: p.interval, by: p.by, format: 'csv' });
      $('csv-summary').href = api.withQuery('/api/reports/summary', { ...range, queue: p.queue, format: 'csv' });
      $('csv-agents').href = api.withQuery('/api/reports/agents', { ...range, format: 'csv' });
      this.closeDrill();
      this.render();
      const shown = { from: $('report-from').value, to: $('report-to').value, zone: volume.zone };
      showResult(status, 'ok', () => t('reports.shown', shown));
    } catch (e) {
      showResult(status, 'error', () => errorText(e, 'action.readReports'));
    }
  }

  render() {
    this.renderChart();
    this.renderSummary();
    this.renderAgents();
  }

  /** The stacked bars: one category per bucket, one series per group. */
  renderChart() {
    const volume = state.volume;
    const queue = state.params.queue;
    // Every bucket of the range, those without calls too (the API lists only those with calls).
    const starts = bucketStarts(state.params.from, state.params.to, volume.interval, volume.zone);
    volume.rows.forEach((r) => starts.push(Date.parse(r.start)));
    const sorted = [...new Set(starts)].sort((a, b) => a - b);
    const rangeEnd = zonedMillis(`${state.params.to}T00:00`, volume.zone);
    const buckets = sorted.map((ms, i) => ({ start: ms, end: i + 1 < sorted.length ? sorted[i + 1] : rangeEnd }));
    const index = new Map(sorted.map((ms, i) => [ms, i]));
    const groups = new Map();
    volume.rows.forEach((r) => {
      if (volume.by === 'queue' && queue && r.group !== queue) {
        return;
      }
      const key = r.group ?? null;
      if (!groups.has(key)) {
        groups.set(key, new Array(buckets.length).fill(0));
      }
      groups.get(key)[index.get(Date.parse(r.start))] += r.calls;
    });
    state.buckets = buckets;
    state.series = [...groups.entries()]
      .map(([group, data]) => ({ group, name: groupName(volume.by, group), data }))
      .filter((s) => s.data.some((n) => n > 0));
    const total = state.series.reduce((sum, s) => sum + s.data.reduce((a, b) => a + b, 0), 0);
    const box = $('volume-chart');
    box.dataset.total = String(total);
    box.dataset.series = String(state.series.length);
    $('volume-empty').hidden = total > 0;
    if (!window.echarts) {
      return;
    }
    if (this.chart && this.chartLanguage !== language()) {
      this.chart.dispose();
      this.chart = null;
    }
    if (!this.chart) {
      this.chart = window.echarts.init(box, null, { renderer: 'canvas', locale: language() === 'zh' ? 'ZH' : 'EN' });
      this.chartLanguage = language();
      this.chart.on('click', (e) => this.openDrill(e.seriesIndex, e.dataIndex));
    }
    this.chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: axisTooltip },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: buckets.map((b) => bucketLabel(b.start, volume.interval, volume.zone)) },
      yAxis: { type: 'value', minInterval: 1, name: t('reports.calls') },
      series: state.series.map((s) => ({ type: 'bar', stack: 'calls', name: s.name, data: s.data, emphasis: { focus: 'series' } })),
    }, true);
  }

  renderSummary() {
    const summary = state.summary;
    const rows = [...summary.queues, { ...summary.overall, queue: null }];
    const columns = [
      { id: 'queue', key: 'kpi.queue', cell: (q) => q.queue ?? t('kpi.allQueues') },
      { id: 'offered', key: 'kpi.offered', numeric: true, cell: (q) => count(q.offered) },
      { id: 'answered', key: 'kpi.answered', numeric: true, cell: (q) => count(q.answered) },
      { id: 'abandoned', key: 'kpi.abandoned', numeric: true, cell: (q) => count(q.abandoned) },
      { id: 'shortAbandons', key: 'kpi.shortAbandons', numeric: true, cell: (q) => count(q.shortAbandons) },
      { id: 'answerRate', key: 'kpi.answerRate', numeric: true, cell: (q) => percent(q.answerRate) },
      { id: 'asa', key: 'kpi.asa', numeric: true, cell: (q) => duration(q.averageSpeedOfAnswer) },
      { id: 'aht', key: 'kpi.aht', numeric: true, cell: (q) => duration(q.averageHandleTime) },
      {
        id: 'serviceLevel',
        key: 'kpi.serviceLevel',
        numeric: true,
        cell: (q) => (q.serviceLevelThresholdSeconds === null || q.serviceLevelThresholdSeconds === undefined || q.serviceLevel === null
          ? serviceLevel(q.serviceLevel)
          : `${serviceLevel(q.serviceLevel)} / ${q.serviceLevelThresholdSeconds} s`),
      },
      { id: 'longestWait', key: 'kpi.longestWait', numeric: true, cell: (q) => duration(q.longestWait) },
    ];
    fillTable($('summary-table'), columns, rows, (q) => ({ 'data-queue': q.queue ?? '*', class: q.queue ? null : 'total' }));
  }

  renderAgents() {
    const columns = [
      { id: 'agent', key: 'kpi.agent', cell: (a) => a.agentId },
      { id: 'calls', key: 'kpi.callsHandled', numeric: true, cell: (a) => count(a.callsHandled) },
      { id: 'talk', key: 'kpi.talk', numeric: true, cell: (a) => duration(a.talkSeconds) },
      { id: 'hold', key: 'kpi.hold', numeric: true, cell: (a) => duration(a.holdSeconds) },
      { id: 'wrapUp', key: 'kpi.wrapUp', numeric: true, cell: (a) => duration(a.wrapUpSeconds) },
      { id: 'aht', key: 'kpi.aht', numeric: true, cell: (a) => duration(a.averageHandleTime) },
      { id: 'available', key: 'kpi.timeAvailable', numeric: true, cell: (a) => duration(a.stateSeconds.available ?? 0) },
      { id: 'break', key: 'kpi.timeBreak', numeric: true, cell: (a) => duration(a.stateSeconds.break ?? 0) },
      { id: 'occupancy', key: 'kpi.occupancy', numeric: true, cell: (a) => percent(a.occupancy) },
    ];
    fillTable($('agents-report-table'), columns, state.agents.agents, (a) => ({ 'data-agent': a.agentId }));
  }

  /** The calls behind one bar: its bucket, and its group when the report is grouped. */
  openDrill(seriesIndex, dataIndex) {
    const series = state.series[seriesIndex];
    const bucket = state.buckets[dataIndex];
    if (!series || !bucket) {
      return;
    }
    state.drill = {
      from: new Date(bucket.start).toISOString(),
      to: new Date(bucket.end).toISOString(),
      by: state.volume.by,
      value: series.group,
      group: series.group,
      start: bucket.start,
      zone: state.volume.zone,
      page: 1,
      total: 0,
      calls: [],
    };
    this.loadDrill();
  }

  /** What the drill-down shows the calls of, in the language in use: the group and the bucket's start. */
  drillLabel(d) {
    return `${groupName(d.by, d.group)} · ${dateTime(d.start, d.zone)}`;
  }

  drillPage(step) {
    const d = state.drill;
    if (!d) {
      return;
    }
    const pages = Math.max(1, Math.ceil(d.total / DRILL_PAGE_SIZE));
    const next = Math.min(pages, Math.max(1, d.page + step));
    if (next !== d.page) {
      d.page = next;
      this.loadDrill();
    }
  }

  async loadDrill() {
    const d = state.drill;
    const query = { from: d.from, to: d.to, by: d.by, value: d.value, page: d.page, size: DRILL_PAGE_SIZE };
    $('drill').hidden = false;
    liveText($('drill-title'), () => t('reports.drillTitle', { what: this.drillLabel(d) }));
    $('csv-calls').href = api.withQuery('/api/reports/calls', { ...query, page: null, size: null, format: 'csv' });
    try {
      const answer = await api.call('GET', api.withQuery('/api/reports/calls', query));
      d.total = answer.total;
      d.calls = answer.calls;
      this.renderDrillTable();
      const pages = Math.max(1, Math.ceil(answer.total / DRILL_PAGE_SIZE));
      const shownPage = { page: d.page, pages, total: answer.total };
      liveText($('drill-page'), () => t('pager.page', shownPage));
      $('drill-prev').disabled = d.page <= 1;
      $('drill-next').disabled = d.page >= pages;
      $('drill').dataset.total = String(answer.total);
    } catch (e) {
      liveText($('drill-page'), () => errorText(e, 'action.readReports'));
    }
  }

  /** The calls of the drill-down's page, in the language in use. */
  renderDrillTable() {
    const zone = state.drill.zone;
    fillTable($('drill-table'), [
      { id: 'arrived', key: 'call.arrived', cell: (c) => dateTime(c.arrivedAt, zone) },
      { id: 'caller', key: 'call.caller', cell: (c) => c.caller },
      { id: 'queue', key: 'call.queue', cell: (c) => c.queue ?? '–' },
      { id: 'agent', key: 'call.agent', cell: (c) => c.agentId ?? '–' },
      { id: 'wait', key: 'call.wait', numeric: true, cell: (c) => duration(c.waitSeconds) },
      { id: 'talk', key: 'call.talk', numeric: true, cell: (c) => duration(c.talkSeconds) },
      { id: 'outcome', key: 'call.outcome', cell: (c) => t(`outcome.${c.outcome}`) },
      { id: 'region', key: 'call.region', cell: (c) => c.region ?? '–' },
      { id: 'level', key: 'call.level', cell: (c) => c.level ?? '–' },
    ], state.drill.calls, (c) => ({ 'data-call': c.callId }));
  }

  closeDrill() {
    state.drill = null;
    $('drill').hidden = true;
    delete $('drill').dataset.total;
  }
}
