// The agent desktop: signs the agent in, keeps the CTI connection, and hands each event to the
// panel it concerns. See docs/agent-desktop.md.

import { t, translate, bindSwitch, onLanguageChange } from './i18n.js';
import * as api from './api.js';
import { CtiClient, EXPIRED } from './cti.js';
import { Card } from './card.js';
import { AgentStatePanel } from './agent-state.js';
import { CallPanel } from './call-panel.js';
import { WrapUpForm } from './wrapup.js';
import { TicketForm } from './tickets.js';
import { PasswordForm } from './password.js';
import { RingAlert } from './ring.js';
import { heard } from './server-clock.js';
import { translateResults } from './result.js';
import { readTabSession, keepTabSession } from '/shared/tab-session.js';
import { LoginForm } from '/shared/login.js';

/** Where the login answer is kept for this tab (never the token: the HttpOnly cookie holds it). */
const SESSION_KEY = 'hotline.desk.session';

const $ = (id) => document.getElementById(id);

const loginForm = new LoginForm($('login-view'), 'agent', { t, onLanguageChange }, signIn, {
  busyLabel: true,
  clearPasswordOnFailure: true,
  keepNotice: true,
});

const cti = new CtiClient(CtiClient.defaultUrl());
const card = new Card();
const callPanel = new CallPanel(cti);
const agentState = new AgentStatePanel(cti, (state) => callPanel.agentState(state));
const ring = new RingAlert();
const wrapUp = new WrapUpForm(cti);
const tickets = new TicketForm(
  () => ({
    callId: card.callId ?? callPanel.call?.callId ?? null,
    customerId: card.pop?.customer?.id ?? null,
    caller: card.pop?.caller?.number ?? callPanel.call?.caller ?? null,
  }),
  (ticket) => card.addTicket(ticket),
);
// The server ended every session of the agent with the change, this one too: sign in again.
const passwordForm = new PasswordForm(() => {
  cti.stop();
  showLogin('password.changed');
});

let session = null;
let connection = { status: 'offline', delayMs: 0 };

// ---- session -------------------------------------------------------------------------------

function storedSession() {
  return readTabSession(SESSION_KEY, (stored) => stored.agentId);
}

function keepSession(value) {
  keepTabSession(SESSION_KEY, value);
}

function showLogin(noticeKey) {
  session = null;
  api.useCsrfToken(null);
  keepSession(null);
  $('desk-view').hidden = true;
  $('sign-out').hidden = true;
  $('who').hidden = true;
  agentState.reset();
  callPanel.reset();
  ring.stop();
  card.clear();
  wrapUp.forCall(null);
  tickets.reset();
  passwordForm.reset();
  loginForm.show(noticeKey);
  loginForm.focus();
}

function enterDesk(value) {
  session = value;
  api.useCsrfToken(value.csrfToken);
  keepSession(value);
  loginForm.hide();
  $('desk-view').hidden = false;
  $('sign-out').hidden = false;
  $('who').hidden = false;
  agentState.setBreakReasons(value.breakReasons);
  agentState.setAgent(value.agentId, value.phone);
  renderWho();
  cti.start();
  $('btn-ready').focus();
}

/** Enters the desk with the login's answer; refuses (and ends) the login of anyone but an agent. */
async function signIn(user, password) {
  const answer = await api.login(user, password);
  if (answer.role !== 'agent' || !answer.agentId) {
    await api.logout().catch(() => {});
    return { key: 'session.notAgent' };
  }
  enterDesk({
    agentId: answer.agentId,
    phone: answer.phone || null,
    breakReasons: answer.breakReasons || [],
    expiresAt: answer.expiresAt,
    csrfToken: answer.csrfToken || null,
  });
  return null;
}

async function signOut() {
  cti.stop();
  await api.logout().catch(() => {});
  showLogin(null);
}

// ---- CTI -----------------------------------------------------------------------------------

function onMessage(frame) {
  if (frame.agentId && session && frame.agentId !== session.agentId) {
    return;
  }
  if (frame.type === 'call-state') {
    heard(frame.at);
  } else if (frame.type === 'agent-state') {
    heard(frame.since);
  }
  switch (frame.type) {
    case 'screen-pop':
      card.show(frame);
      callPanel.addQueue(frame.queue);
      callPanel.nameCaller(frame.callId, frame.customer?.name);
      wrapUp.forCall(frame.callId, describeCall());
      if (ring.ringing && callPanel.call?.callId === frame.callId) {
        ring.start(callerOf(callPanel.call), callPanel.call.queue ?? frame.queue ?? null);
      }
      break;
    case 'call-state':
      onCallState(frame);
      break;
    case 'agent-state':
      agentState.update(frame);
      break;
    case 'queue-stats':
      callPanel.addQueue(frame.queue);
      break;
    default:
      break;
  }
}

function onCallState(frame) {
  const elsewhere = frame.state === 'ended' && frame.outcome === 'answered-elsewhere';
  if (frame.state === 'ringing' && card.callId !== frame.callId) {
    // A new call: its screen-pop follows the ringing state.
    card.clear();
  }
  if (elsewhere && card.callId === frame.callId) {
    card.clear();
  }
  callPanel.update(frame);
  const call = callPanel.call;
  if (frame.state === 'ringing') {
    learnWrapUp(call.queue);
  }
  if (frame.state === 'ringing' && call.direction !== 'outbound') {
    ring.start(callerOf(call), call.queue);
  } else {
    ring.stop();
  }
  if (elsewhere) {
    wrapUp.forCall(null);
  } else {
    wrapUp.forCall(frame.callId, describeCall());
  }
}

/** The wrap-up time of each queue asked about, in seconds. */
const wrapUpOfQueue = new Map();

/** Tells the status panel the wrap-up time of the call's queue, asking the server once per queue. */
async function learnWrapUp(queue) {
  if (!queue) {
    agentState.setWrapUpSeconds(null);
    return;
  }
  if (!wrapUpOfQueue.has(queue)) {
    try {
      const settings = await api.queueSettings(queue);
      wrapUpOfQueue.set(queue, Number(settings.wrapUpSeconds));
    } catch {
      // Without it the after-call step shows the time spent instead of the time left.
      agentState.setWrapUpSeconds(null);
      return;
    }
  }
  agentState.setWrapUpSeconds(wrapUpOfQueue.get(queue));
}

/** Who the call is with, as the agent reads it: a known customer's name, else the number. */
function callerOf(call) {
  const name = card.callId === call.callId ? card.pop?.customer?.name : null;
  return name || call.name || call.caller || null;
}

/** The call shown, for the wrap-up form's line: who and when, never its id. */
function describeCall() {
  const call = callPanel.call;
  return call ? { caller: callerOf(call), at: call.since } : null;
}

function onStatus(detail) {
  connection = detail;
  agentState.setConnected(detail.status === 'open');
  renderConnection();
}

// ---- rendering -----------------------------------------------------------------------------

function renderConnection() {
  const el = $('connection');
  el.dataset.status = connection.status;
  el.textContent =
    connection.status === 'reconnecting'
      ? t('connection.reconnecting', { seconds: Math.max(1, Math.round(connection.delayMs / 1000)) })
      : t(`connection.${connection.status === 'closed' ? 'offline' : connection.status}`);
}

function renderWho() {
  $('who').textContent = session ? t('session.who', { agentId: session.agentId }) : '';
}

function renderAll() {
  renderConnection();
  renderWho();
  agentState.render();
  callPanel.render();
  wrapUp.render();
  card.render();
  ring.render();
  translateResults();
}

// ---- start ---------------------------------------------------------------------------------

cti.addEventListener('message', (event) => onMessage(event.detail));
cti.addEventListener('status', (event) => onStatus(event.detail));
cti.addEventListener('session-ended', (event) => showLogin(event.detail.code === EXPIRED ? 'session.expired' : 'session.ended'));

$('sign-out').addEventListener('click', signOut);
bindSwitch($('lang'));
onLanguageChange(renderAll);
setInterval(() => {
  agentState.tick();
  callPanel.tick();
  ring.tick();
}, 1000);

translate(document);
renderAll();
const resumed = storedSession();
if (resumed) {
  // The cookie may still be valid: the connection says so, or closes with 4401.
  enterDesk(resumed);
} else {
  showLogin(null);
}
document.body.dataset.ready = 'true';
