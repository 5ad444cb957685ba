// Every text of the login form (/shared/login.js), in English and Chinese: what it says on every
// page, then what it says its own way to agents (the agent desktop) and to supervisors and
// administrators (the console, the wallboard). A page adds them to its own texts with
// combined() of /shared/language.js.

export const LOGIN_TEXTS = {
  en: {
    'login.title': 'Sign in',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.busy': 'Signing in…',
    'login.failed': 'Sign-in failed: {message}',
    'login.agentHint': 'Your agent ID and your desk password (not your phone\'s SIP password).',
    'login.agentUser': 'Agent ID',
    'login.agentWrong': 'Wrong agent ID or password.',
    'login.agentMissing': 'Enter your agent ID and password.',
    'login.consoleHint': 'For supervisors and administrators.',
    'login.consoleUser': 'User',
    'login.consoleWrong': 'Wrong user or password.',
    'login.consoleMissing': 'Enter your user name and password.',
  },
  zh: {
    'login.title': '登录',
    'login.password': '密码',
    'login.submit': '登录',
    'login.busy': '正在登录…',
    'login.failed': '登录失败：{message}',
    'login.agentHint': '坐席工号，以及工作台密码（不是话机的 SIP 密码）。',
    'login.agentUser': '坐席工号',
    'login.agentWrong': '工号或密码错误。',
    'login.agentMissing': '请输入工号和密码。',
    'login.consoleHint': '供班长和管理员使用。',
    'login.consoleUser': '用户名',
    'login.consoleWrong': '用户名或密码错误。',
    'login.consoleMissing': '请输入用户名和密码。',
  },
};
