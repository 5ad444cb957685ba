// The supervisors' console: signs the user in, shows the pages their role may use in the nav and
// opens the one the address names (#reports, #agents...). See docs/console.md.

import { t, translate, setLanguage, language, onLanguageChange } from './i18n.js';
import * as api from './api.js';
import { ReportsPage } from './reports.js';
import { AgentsPage } from './agents.js';
import { QueuesPage } from './queues.js';
import { UsersPage } from './users.js';
import { AuditPage } from './audit.js';
import { SecurityPage } from './security.js';

const $ = (id) => document.getElementById(id);

const pages = {
  reports: new ReportsPage(),
  agents: new AgentsPage(),
  queues: new QueuesPage(),
  users: new UsersPage(),
  security: new SecurityPage(),
  audit: new AuditPage(),
};

/** The login form's messages as keys, so a language switch translates them too. */
let loginError = null;
let loginNotice = null;
let shown = null;

function renderLogin() {
  const error = $('login-error');
  error.hidden = !loginError;
  error.textContent = loginError ? t(loginError.key, loginError.params) : '';
  const notice = $('login-notice');
  notice.hidden = !loginNotice;
  notice.textContent = loginNotice ? t(loginNotice) : '';
}

function showLogin(noticeKey) {
  api.forget();
  loginNotice = noticeKey ?? null;
  leavePage();
  document.querySelectorAll('.page').forEach((p) => { p.hidden = true; });
  $('page-none').hidden = true;
  $('nav').hidden = true;
  $('who').hidden = true;
  $('sign-out').hidden = true;
  $('login-view').hidden = false;
  $('login-password').value = '';
  document.body.dataset.view = 'login';
  renderLogin();
}

function enterConsole(session) {
  const allowed = api.pagesFor(session.role);
  loginError = null;
  loginNotice = null;
  $('login-view').hidden = true;
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

async function onLogin(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  loginNotice = null;
  if (!user || !password) {
    loginError = { key: 'login.missing' };
    renderLogin();
    return;
  }
  $('login-submit').disabled = true;
  try {
    const session = await api.login(user, password);
    if (api.pagesFor(session.role).length === 0) {
      const role = session.role;
      await api.logout().catch(() => {});
      loginError = { key: 'login.refusedRole', params: { role: t(`role.${role}`) } };
      renderLogin();
      return;
    }
    enterConsole(session);
  } catch (e) {
    loginError = e.status === 401 ? { key: 'login.wrong' } : { key: 'login.failed', params: { message: e.message } };
    renderLogin();
  } finally {
    $('login-submit').disabled = false;
  }
}

function start() {
  $('lang').value = language();
  translate(document);
  $('lang').addEventListener('change', (e) => setLanguage(e.target.value));
  onLanguageChange(() => {
    renderLogin();
    const session = api.currentSession();
    if (session) {
      $('who').textContent = t('session.who', { user: session.user, role: t(`role.${session.role}`) });
    }
    Object.values(pages).forEach((p) => p.relabel());
  });
  $('login-form').addEventListener('submit', onLogin);
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
