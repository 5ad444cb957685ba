// The supervisors' console: signs the user in, shows the pages their role may use in the nav and
// opens the one the address names (#reports, #agents...). See docs/console.md.

import { t, translate, bindSwitch, onLanguageChange } from './i18n.js';
import * as api from './api.js';
import { ReportsPage } from './reports.js';
import { AgentsPage } from './agents.js';
import { QueuesPage } from './queues.js';
import { UsersPage } from './users.js';
import { AuditPage } from './audit.js';
import { SecurityPage } from './security.js';
import { LoginForm } from '/shared/login.js';
import { relabelTexts } from './dom.js';

const $ = (id) => document.getElementById(id);

const pages = {
  reports: new ReportsPage(),
  agents: new AgentsPage(),
  queues: new QueuesPage(),
  users: new UsersPage(),
  security: new SecurityPage(),
  audit: new AuditPage(),
};

const loginForm = new LoginForm($('login-view'), 'console', { t, onLanguageChange }, signIn);
let shown = null;

function showLogin(noticeKey) {
  api.forget();
  leavePage();
  document.querySelectorAll('.page').forEach((p) => { p.hidden = true; });
  $('page-none').hidden = true;
  $('nav').hidden = true;
  $('who').hidden = true;
  $('sign-out').hidden = true;
  loginForm.show(noticeKey);
  document.body.dataset.view = 'login';
}

function enterConsole(session) {
  const allowed = api.pagesFor(session.role);
  loginForm.hide();
  $('nav').hidden = false;
  $('who').hidden = false;
  $('who').textContent = t('session.who', { user: session.user, role: t(`role.${session.role}`) });
  $('sign-out').hidden = false;
  document.querySelectorAll('#nav a[data-page]').forEach((a) => {
    a.hidden = !allowed.includes(a.dataset.page);
  });
  document.body.dataset.view = 'console';
  document.body.dataset.role = session.role;
  route();
}

function leavePage() {
  if (shown) {
    pages[shown].leave();
    shown = null;
  }
}

/** Shows the page the address names, or the first the role may use. */
function route() {
  const session = api.currentSession();
  if (!session) {
    return;
  }
  const allowed = api.pagesFor(session.role);
  let wanted = location.hash.replace(/^#/, '');
  if (!allowed.includes(wanted)) {
    wanted = allowed[0];
  }
  if (wanted === shown) {
    return;
  }
  leavePage();
  document.querySelectorAll('.page').forEach((p) => { p.hidden = p.dataset.page !== wanted; });
  document.querySelectorAll('#nav a[data-page]').forEach((a) => {
    if (a.dataset.page === wanted) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
  $('page-none').hidden = Boolean(wanted);
  if (wanted) {
    shown = wanted;
    pages[wanted].enter();
  }
}

/** Enters the console with the login's answer; refuses (and ends) the login of a role that may use no page. */
async function signIn(user, password) {
  const session = await api.login(user, password);
  if (api.pagesFor(session.role).length === 0) {
    await api.logout().catch(() => {});
    return { key: 'session.refusedRole', params: { role: t(`role.${session.role}`) } };
  }
  enterConsole(session);
  return null;
}

function start() {
  bindSwitch($('lang'));
  translate(document);
  onLanguageChange(() => {
    const session = api.currentSession();
    if (session) {
      $('who').textContent = t('session.who', { user: session.user, role: t(`role.${session.role}`) });
    }
    Object.values(pages).forEach((p) => p.relabel());
    relabelTexts();
  });
  $('sign-out').addEventListener('click', async () => {
    await api.logout().catch(() => {});
    showLogin('session.signedOut');
  });
  api.onSessionExpired(() => showLogin('session.expired'));
  window.addEventListener('hashchange', route);

  const session = api.currentSession();
  if (session && api.pagesFor(session.role).length > 0) {
    enterConsole(session);
  } else {
    showLogin();
  }
  document.body.dataset.ready = 'true';
}

start();
