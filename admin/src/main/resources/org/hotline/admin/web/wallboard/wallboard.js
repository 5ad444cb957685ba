// The wallboard: each queue's callers waiting, longest wait (ticking between updates), today's
// service level, answered and abandoned, and its agents by state, from the live feed; big type
// for a wall screen. Signs in on the page when the feed asks for it. See docs/console.md.

import { t, translate, bindSwitch, onLanguageChange, locale } from '/console/i18n.js';
import * as api from '/console/api.js';
import { el, relabelTexts } from '/console/dom.js';
import { duration, serviceLevel, count } from '/console/format.js';
import { timeOfDay } from '/shared/format.js';
import { WallboardFeed } from './feed.js';

const $ = (id) => document.getElementById(id);

/** The states a tile and the totals show, in order; a ringing agent counts as on a call. */
const STATES = ['available', 'on_call', 'wrap_up', 'break', 'logged_out'];

const feed = new WallboardFeed();
/** The latest snapshot and when it came (performance.now()), for the ticking waits; read by tests too. */
const board = { snapshot: null, receivedAt: 0, updates: 0, status: 'offline' };
window.hotlineWallboard = board;

let loginError = null;
let loginNotice = null;

function agentsIn(agents) {
  return {
    available: agents.available ?? 0,
    on_call: (agents.on_call ?? 0) + (agents.reserved ?? 0),
    wrap_up: agents.wrap_up ?? 0,
    break: agents.break ?? 0,
    logged_out: agents.logged_out ?? 0,
  };
}

/** Seconds the longest waiting caller of q has waited by now. */
function longestWait(q) {
  if (!q.waiting) {
    return 0;
  }
  return q.longestWaitSeconds + Math.floor((performance.now() - board.receivedAt) / 1000);
}

function field(name, labelKey, value, extra = {}) {
  return el('div', { class: `figure figure-${name}`, ...extra },
    el('span', { class: 'label', text: t(labelKey) }),
    el('span', { class: 'value', 'data-field': name, text: value }));
}

function tile(q) {
  const agents = agentsIn(q.agents);
  // The standard service level (docs/metrics.md): of the calls answered today; none answered, none shown.
  const answered = q.answeredToday > 0;
  const slBad = answered && q.serviceLevelToday < 0.8;
  const waitBad = q.waiting > 0 && longestWait(q) > q.serviceLevelSeconds;
  return el('article', { class: 'tile', 'data-queue': q.queue, 'data-waiting': q.waiting },
    el('h2', { text: q.queue }),
    el('div', { class: 'figures' },
      field('waiting', 'wall.waiting', count(q.waiting), { 'data-alert': q.waiting > 0 ? 'yes' : null }),
      field('longestWait', 'wall.longestWait', duration(longestWait(q)), { 'data-alert': waitBad ? 'yes' : null }),
      field('serviceLevel', 'wall.serviceLevel', serviceLevel(answered ? q.serviceLevelToday : null), {
        'data-alert': slBad ? 'yes' : null,
        title: t('wall.serviceLevelHint', { seconds: q.serviceLevelSeconds }),
      }),
      field('answered', 'wall.answered', count(q.answeredToday)),
      field('abandoned', 'wall.abandoned', count(q.abandonedToday), { 'data-alert': q.abandonedToday > 0 ? 'yes' : null })),
    el('ul', { class: 'agents' }, STATES.map((s) => el('li', { 'data-state': s },
      el('span', { class: 'n', 'data-field': `agents-${s}`, text: String(agents[s]) }), ' ', t(`wall.state.${s}`)))));
}

function render() {
  const snapshot = board.snapshot;
  if (!snapshot) {
    return;
  }
  $('board').replaceChildren(...snapshot.queues.map(tile));
  $('board').dataset.queues = String(snapshot.queues.length);
  $('board-empty').hidden = snapshot.queues.length > 0;
  const totals = agentsIn(snapshot.agents);
  $('totals').replaceChildren(...STATES.map((s) => el('li', { 'data-state': s },
    el('span', { class: 'n', 'data-total': s, text: String(totals[s]) }), ' ', t(`wall.state.${s}`))));
}

/** Once a second: the clock, and the longest waits while callers wait. */
function tick() {
  $('clock').textContent = timeOfDay(locale(), new Date());
  const snapshot = board.snapshot;
  if (!snapshot) {
    return;
  }
  snapshot.queues.forEach((q) => {
    if (q.waiting > 0) {
      const box = document.querySelector(`.tile[data-queue="${CSS.escape(q.queue)}"] [data-field="longestWait"]`);
      if (box) {
        const seconds = longestWait(q);
        box.textContent = duration(seconds);
        box.parentElement.dataset.alert = seconds > q.serviceLevelSeconds ? 'yes' : '';
      }
    }
  });
}

function renderConnection() {
  const c = $('connection');
  c.dataset.status = board.status;
  c.textContent = t(`wall.connection.${board.status}`);
}

function renderLogin() {
  $('login-error').hidden = !loginError;
  $('login-error').textContent = loginError ? t(loginError) : '';
  $('login-notice').hidden = !loginNotice;
  $('login-notice').textContent = loginNotice ? t(loginNotice) : '';
}

function showLogin(noticeKey) {
  loginNotice = noticeKey;
  $('login-view').hidden = false;
  $('board').hidden = true;
  document.body.dataset.view = 'login';
  renderLogin();
}

function showBoard() {
  $('login-view').hidden = true;
  $('board').hidden = false;
  document.body.dataset.view = 'board';
  feed.start();
}

async function onLogin(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  if (!user || !password) {
    loginError = 'login.consoleMissing';
    renderLogin();
    return;
  }
  try {
    await api.login(user, password);
    loginError = null;
    $('login-password').value = '';
    showBoard();
  } catch (e) {
    loginError = e.status === 401 ? 'login.consoleWrong' : 'error.network';
    renderLogin();
  }
}

function start() {
  bindSwitch($('lang'));
  translate(document);
  onLanguageChange(() => {
    render();
    renderConnection();
    renderLogin();
    relabelTexts();
  });
  $('login-form').addEventListener('submit', onLogin);
  feed.addEventListener('snapshot', (e) => {
    board.snapshot = e.detail;
    board.receivedAt = performance.now();
    board.updates += 1;
    render();
  });
  feed.addEventListener('status', (e) => {
    board.status = e.detail.status;
    renderConnection();
  });
  feed.addEventListener('refused', (e) => {
    board.status = 'offline';
    renderConnection();
    showLogin(e.detail.status === 403 ? 'wall.forbidden' : 'wall.signIn');
  });
  renderConnection();
  tick();
  setInterval(tick, 1000);
  showBoard();
  document.body.dataset.ready = 'true';
}

start();
