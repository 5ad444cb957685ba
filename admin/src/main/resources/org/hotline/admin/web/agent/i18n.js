// Every text of the agent desktop, in English and Chinese, and the language the page speaks.
// Static texts in index.html name their key in data-i18n (text), data-i18n-placeholder or
// data-i18n-title; the modules call t() when they render.

const STORAGE_KEY = 'hotline.desk.lang';

const DICTIONARY = {
  en: {
    'app.title': 'Agent desktop · Hotline',
    'app.name': 'Hotline agent desktop',
    'lang.label': 'Language',
    'connection.offline': 'Not connected',
    'connection.connecting': 'Connecting…',
    'connection.open': 'Connected',
    'connection.reconnecting': 'Connection lost, reconnecting in {seconds} s…',
    'session.signOut': 'Sign out',
    'session.who': 'Agent {agentId}',
    'session.expired': 'Your session has expired. Please log in again.',
    'session.ended': 'You have been signed out. Please log in again.',
    'session.notAgent': 'This page is for agents: sign in with an agent ID.',
    'login.title': 'Sign in',
    'login.hint': 'Your agent ID and the password your phone registers with.',
    'login.user': 'Agent ID',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.busy': 'Signing in…',
    'login.wrong': 'Wrong agent ID or password.',
    'login.missing': 'Enter your agent ID and password.',
    'login.failed': 'Sign-in failed: {message}',
    'state.title': 'My status',
    'state.unknown': 'Unknown',
    'state.logged_out': 'Logged out',
    'state.available': 'Ready',
    'state.reserved': 'Ringing',
    'state.on_call': 'On a call',
    'state.wrap_up': 'Wrap-up',
    'state.break': 'On break',
    'state.since': 'since {time} ({elapsed})',
    'state.ready': 'Ready',
    'state.breakButton': 'Break',
    'state.breakReason': 'Break reason',
    'state.logout': 'Log out',
    'state.logoutTitle': 'Stop taking calls (you stay signed in)',
    'state.done': 'Requested: {state}',
    'reason.lunch': 'Lunch',
    'reason.meeting': 'Meeting',
    'reason.training': 'Training',
    'reason.personal': 'Personal',
    'reason.missed': 'Missed calls',
    'reason.registered': 'Phone registered',
    'reason.call-ended': 'Call ended',
    'call.title': 'Call',
    'call.idle': 'No call',
    'call.ringing': 'Ringing',
    'call.ringingOutbound': 'Dialling out',
    'call.connected': 'Connected',
    'call.held': 'On hold',
    'call.ended': 'Ended: {outcome}',
    'call.from': 'from {caller}',
    'call.to': 'to {caller}',
    'call.hangup': 'Hang up',
    'call.hold': 'Hold',
    'call.unhold': 'Resume',
    'call.transferTo': 'Transfer to',
    'call.transferKind': 'Transfer to a',
    'call.kindQueue': 'Queue',
    'call.kindAgent': 'Agent',
    'call.transferTarget': 'Queue or agent ID',
    'call.transfer': 'Transfer',
    'call.dialNumber': 'Number to call',
    'call.dial': 'Dial',
    'call.ok': '{command}: done',
    'call.needTarget': 'Enter the queue or agent to transfer to.',
    'call.needNumber': 'Enter a number to dial.',
    'outcome.answered': 'answered',
    'outcome.abandoned': 'caller hung up',
    'outcome.ivr-hangup': 'hung up in the IVR',
    'outcome.failed': 'failed',
    'outcome.answered-elsewhere': 'answered by another agent',
    'command.set-state': 'Status',
    'command.hangup': 'Hang up',
    'command.hold': 'Hold',
    'command.unhold': 'Resume',
    'command.transfer': 'Transfer',
    'command.dial': 'Dial',
    'command.wrap-up': 'Wrap-up',
    'error.line': '{command} failed: {text} ({code})',
    'error.unknown-command': 'this server does not support it yet',
    'error.not-on-a-call': 'you are not on a call',
    'error.bad-argument': 'the request was not accepted',
    'error.unknown-queue': 'no such queue',
    'error.agent-unavailable': 'that agent cannot take the call now',
    'error.not-available': 'not possible now',
    'error.no-route': 'that number cannot be reached',
    'error.not-your-call': 'that call is not yours',
    'error.server-error': 'the server could not store it now; try again',
    'error.forbidden': 'not allowed',
    'error.internal': 'server error',
    'error.timeout': 'no answer from the server',
    'error.disconnected': 'not connected to the server',
    'wrapup.title': 'Wrap-up',
    'wrapup.forCall': 'Call {callId}',
    'wrapup.noCall': 'No call to wrap up yet.',
    'wrapup.code': 'Disposition',
    'wrapup.choose': '— choose —',
    'wrapup.other': 'Other (type a code)',
    'wrapup.otherCode': 'Disposition code',
    'wrapup.codeHint': 'Letters, digits, - _ . ; up to 32 characters',
    'wrapup.notes': 'Notes',
    'wrapup.save': 'Save wrap-up',
    'wrapup.saved': 'Saved: {disposition}',
    'wrapup.badCode': 'A disposition is a code of letters, digits, -, _ or ., at most 32 characters.',
    'wrapup.needCode': 'Choose a disposition.',
    'wrapup.notesTooLong': 'Notes are at most 2000 characters.',
    'disposition.sale': 'Sale',
    'disposition.inquiry': 'Inquiry',
    'disposition.complaint': 'Complaint',
    'disposition.resolved': 'Resolved',
    'disposition.callback-needed': 'Callback needed',
    'disposition.escalated': 'Escalated',
    'disposition.wrong-number': 'Wrong number',
    'disposition.no-action': 'No action',
    'card.waiting': 'Waiting for a call. The caller\'s details show here the moment a call rings.',
    'card.unknownCaller': 'Unknown caller: this number belongs to no customer.',
    'card.lookupFailed': 'The customer data could not be loaded for this call.',
    'card.withheld': 'Number withheld',
    'card.noLevel': 'No level',
    'card.category': 'Category',
    'card.salesStage': 'Sales stage',
    'card.queue': 'Queue',
    'card.ivr': 'IVR path',
    'card.waited': 'Waited',
    'card.notes': 'Notes',
    'card.history': 'Recent calls',
    'card.noHistory': 'No earlier calls.',
    'card.when': 'When',
    'card.outcome': 'Outcome',
    'card.agent': 'Agent',
    'card.disposition': 'Disposition',
    'card.talk': 'Talk time',
    'card.tickets': 'Tickets',
    'card.noTickets': 'No tickets.',
    'card.ticketId': 'No.',
    'card.ticketTitle': 'Title',
    'card.ticketStatus': 'Status',
    'card.created': 'Created',
    'card.createdBy': 'By',
    'card.call': 'Call',
    'card.announce': 'Incoming call: {details}',
    'ticket.title': 'New ticket',
    'ticket.subject': 'Title',
    'ticket.description': 'Description',
    'ticket.status': 'Status',
    'ticket.create': 'Create ticket',
    'ticket.created': 'Ticket {id} created',
    'ticket.needTitle': 'Give the ticket a title.',
    'ticket.failed': 'The ticket was not created: {message}',
    'ticketStatus.open': 'Open',
    'ticketStatus.pending': 'Pending',
    'ticketStatus.closed': 'Closed',
  },
  zh: {
    'app.title': '坐席工作台 · Hotline',
    'app.name': 'Hotline 坐席工作台',
    'lang.label': '语言',
    'connection.offline': '未连接',
    'connection.connecting': '正在连接…',
    'connection.open': '已连接',
    'connection.reconnecting': '连接中断，{seconds} 秒后重连…',
    'session.signOut': '退出系统',
    'session.who': '坐席 {agentId}',
    'session.expired': '登录已过期，请重新登录。',
    'session.ended': '您已退出，请重新登录。',
    'session.notAgent': '本页面供坐席使用：请用坐席工号登录。',
    'login.title': '登录',
    'login.hint': '坐席工号，以及话机注册所用的密码。',
    'login.user': '坐席工号',
    'login.password': '密码',
    'login.submit': '登录',
    'login.busy': '正在登录…',
    'login.wrong': '工号或密码错误。',
    'login.missing': '请输入工号和密码。',
    'login.failed': '登录失败：{message}',
    'state.title': '我的状态',
    'state.unknown': '未知',
    'state.logged_out': '已签出',
    'state.available': '就绪',
    'state.reserved': '振铃中',
    'state.on_call': '通话中',
    'state.wrap_up': '话后处理',
    'state.break': '小休',
    'state.since': '自 {time} 起（{elapsed}）',
    'state.ready': '就绪',
    'state.breakButton': '小休',
    'state.breakReason': '小休原因',
    'state.logout': '签出',
    'state.logoutTitle': '不再接听来电（仍保持登录）',
    'state.done': '已请求：{state}',
    'reason.lunch': '午餐',
    'reason.meeting': '会议',
    'reason.training': '培训',
    'reason.personal': '私事',
    'reason.missed': '未接来电',
    'reason.registered': '话机已注册',
    'reason.call-ended': '通话结束',
    'call.title': '通话',
    'call.idle': '无通话',
    'call.ringing': '振铃中',
    'call.ringingOutbound': '正在外呼',
    'call.connected': '通话中',
    'call.held': '保持中',
    'call.ended': '已结束：{outcome}',
    'call.from': '来自 {caller}',
    'call.to': '呼叫 {caller}',
    'call.hangup': '挂断',
    'call.hold': '保持',
    'call.unhold': '恢复',
    'call.transferTo': '转接到',
    'call.transferKind': '转接类型',
    'call.kindQueue': '队列',
    'call.kindAgent': '坐席',
    'call.transferTarget': '队列名或坐席工号',
    'call.transfer': '转接',
    'call.dialNumber': '外呼号码',
    'call.dial': '外呼',
    'call.ok': '{command}：已完成',
    'call.needTarget': '请输入要转接的队列或坐席。',
    'call.needNumber': '请输入要拨打的号码。',
    'outcome.answered': '已接听',
    'outcome.abandoned': '来电方挂断',
    'outcome.ivr-hangup': '在语音导航中挂断',
    'outcome.failed': '失败',
    'outcome.answered-elsewhere': '已由其他坐席接听',
    'command.set-state': '状态',
    'command.hangup': '挂断',
    'command.hold': '保持',
    'command.unhold': '恢复',
    'command.transfer': '转接',
    'command.dial': '外呼',
    'command.wrap-up': '话后处理',
    'error.line': '{command}失败：{text}（{code}）',
    'error.unknown-command': '服务器暂不支持此功能',
    'error.not-on-a-call': '您当前没有通话',
    'error.bad-argument': '请求未被接受',
    'error.unknown-queue': '没有这个队列',
    'error.agent-unavailable': '该坐席现在无法接听',
    'error.not-available': '现在无法执行',
    'error.no-route': '无法拨通该号码',
    'error.not-your-call': '这不是您的通话',
    'error.server-error': '服务器暂时无法保存，请重试',
    'error.forbidden': '不允许',
    'error.internal': '服务器错误',
    'error.timeout': '服务器没有应答',
    'error.disconnected': '未连接到服务器',
    'wrapup.title': '话后处理',
    'wrapup.forCall': '通话 {callId}',
    'wrapup.noCall': '还没有可处理的通话。',
    'wrapup.code': '处理结果',
    'wrapup.choose': '— 请选择 —',
    'wrapup.other': '其他（输入代码）',
    'wrapup.otherCode': '结果代码',
    'wrapup.codeHint': '字母、数字、- _ .，最多 32 个字符',
    'wrapup.notes': '备注',
    'wrapup.save': '保存',
    'wrapup.saved': '已保存：{disposition}',
    'wrapup.badCode': '结果代码只能包含字母、数字、-、_ 或 .，最多 32 个字符。',
    'wrapup.needCode': '请选择处理结果。',
    'wrapup.notesTooLong': '备注最多 2000 个字符。',
    'disposition.sale': '成交',
    'disposition.inquiry': '咨询',
    'disposition.complaint': '投诉',
    'disposition.resolved': '已解决',
    'disposition.callback-needed': '需要回电',
    'disposition.escalated': '已升级',
    'disposition.wrong-number': '打错电话',
    'disposition.no-action': '无需处理',
    'card.waiting': '等待来电。来电振铃时，来电者信息会立即显示在这里。',
    'card.unknownCaller': '未知来电：该号码不属于任何客户。',
    'card.lookupFailed': '本次通话的客户资料未能加载。',
    'card.withheld': '号码未显示',
    'card.noLevel': '无等级',
    'card.category': '类别',
    'card.salesStage': '销售阶段',
    'card.queue': '队列',
    'card.ivr': '语音导航路径',
    'card.waited': '等待时长',
    'card.notes': '备注',
    'card.history': '最近通话',
    'card.noHistory': '没有以往通话。',
    'card.when': '时间',
    'card.outcome': '结果',
    'card.agent': '坐席',
    'card.disposition': '处理结果',
    'card.talk': '通话时长',
    'card.tickets': '工单',
    'card.noTickets': '没有工单。',
    'card.ticketId': '编号',
    'card.ticketTitle': '标题',
    'card.ticketStatus': '状态',
    'card.created': '创建时间',
    'card.createdBy': '创建人',
    'card.call': '通话',
    'card.announce': '来电：{details}',
    'ticket.title': '新建工单',
    'ticket.subject': '标题',
    'ticket.description': '描述',
    'ticket.status': '状态',
    'ticket.create': '创建工单',
    'ticket.created': '工单 {id} 已创建',
    'ticket.needTitle': '请填写工单标题。',
    'ticket.failed': '工单未创建：{message}',
    'ticketStatus.open': '待处理',
    'ticketStatus.pending': '处理中',
    'ticketStatus.closed': '已关闭',
  },
};

/** The languages the page speaks. */
export const LANGUAGES = Object.keys(DICTIONARY);

const listeners = new Set();
let current = initialLanguage();

/** The language chosen before on this browser, else the browser's own, else English. */
function initialLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be off (private mode): the browser's language decides.
  }
  if (stored && DICTIONARY[stored]) {
    return stored;
  }
  const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const tag of wanted) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (DICTIONARY[base]) {
      return base;
    }
  }
  return 'en';
}

/** The language in use: 'en' or 'zh'. */
export function language() {
  return current;
}

/** The BCP 47 tag of the language in use, for Intl formatting and the lang attribute. */
export function locale() {
  return current === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The text of key in the language in use, with {name} replaced by params.name. A key missing in
 * Chinese falls back to English; a key missing in both is shown as it is.
 */
export function t(key, params = {}) {
  const text = DICTIONARY[current][key] ?? DICTIONARY.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether the dictionary has key. */
export function has(key) {
  return key in DICTIONARY.en;
}

/** Switches the language, remembers it on this browser, and re-renders whoever listens. */
export function setLanguage(lang) {
  if (!DICTIONARY[lang] || lang === current) {
    return;
  }
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but the switch still applies to this page.
  }
  translate(document);
  listeners.forEach((listener) => listener(lang));
}

/** Calls listener(lang) after every language switch. */
export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** Sets the static texts under root from their data-i18n* attributes. */
export function translate(root) {
  document.documentElement.lang = locale();
  document.title = t('app.title');
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle);
  });
}
