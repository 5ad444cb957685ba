// An audit entry in words ("admin created user alice"), in the page's language, built from the
// entry's fields as the server writes them (AuditLog): action "METHOD /route/*", object the path
// (with " -> " and the new object's address when one was created), detail "status; fields a, b"
// or "status; body of n bytes". The raw request stays available for the tooltip.

import { t, has } from './i18n.js';

/** The parts of an entry: method, route, path, the id the path names, status, field names, body size. */
export function auditParts(entry) {
  const [method, ...route] = String(entry.action ?? '').split(' ');
  const [path, created] = String(entry.object ?? '').split(' -> ');
  const [status, rest] = String(entry.detail ?? '').split('; ');
  const fieldsMatch = /^fields (.*)$/.exec(rest ?? '');
  const bytesMatch = /^body of (\d+) bytes$/.exec(rest ?? '');
  return {
    method,
    route: route.join(' '),
    path,
    created: created ? lastSegment(created) : null,
    status: /^\d{3}$/.test(status ?? '') ? Number(status) : null,
    fields: fieldsMatch ? fieldsMatch[1].split(', ').filter(Boolean) : [],
    bytes: bytesMatch ? Number(bytesMatch[1]) : null,
  };
}

function lastSegment(path) {
  const segments = path.split('?')[0].split('/').filter(Boolean);
  return decodeURIComponent(segments[segments.length - 1] ?? '');
}

/** The path's segment after prefix: /api/agents/1001/desk-password after /api/agents/ is 1001. */
function idAfter(path, prefix) {
  return path.startsWith(prefix) ? decodeURIComponent(path.slice(prefix.length).split('/')[0]) : lastSegment(path);
}

/** The fields an entry names, each in words where the dictionary has it. */
function fieldList(fields) {
  return fields.map((f) => (has(`audit.field.${f}`) ? t(`audit.field.${f}`) : f)).join(t('audit.fieldSeparator'));
}

/** The dictionary key and parameters of the sentence of an entry whose parts are p. */
function sentenceOf(entry, p) {
  const key = `${p.method} ${p.route}`;
  switch (key) {
    case 'POST /api/users':
      return ['audit.userCreated', { id: p.created ?? '' }];
    case 'PUT /api/users/*':
      return ['audit.userChanged', { id: idAfter(p.path, '/api/users/') }];
    case 'DELETE /api/users/*':
      return ['audit.userDeleted', { id: idAfter(p.path, '/api/users/') }];
    case 'PUT /api/agents/*':
      if (p.path.endsWith('/desk-password')) {
        return ['audit.agentDeskReset', { id: idAfter(p.path, '/api/agents/') }];
      }
      return [p.status === 201 ? 'audit.agentCreated' : 'audit.agentSaved', { id: idAfter(p.path, '/api/agents/') }];
    case 'DELETE /api/agents/*':
      return ['audit.agentDisabled', { id: idAfter(p.path, '/api/agents/') }];
    case 'POST /api/agents/*':
      return ['audit.agentState', { id: idAfter(p.path, '/api/agents/') }];
    case 'PUT /api/queues/*':
      return ['audit.queueChanged', { id: idAfter(p.path, '/api/queues/') }];
    case 'DELETE /api/queues/*':
      return ['audit.queueReset', { id: idAfter(p.path, '/api/queues/') }];
    case 'DELETE /api/security/bans/*':
      return ['audit.banLifted', { id: idAfter(p.path, '/api/security/bans/') }];
    case 'POST /api/customers':
      return ['audit.customerCreated', { id: p.created ?? '' }];
    case 'PUT /api/customers/*':
      return ['audit.customerChanged', { id: idAfter(p.path, '/api/customers/') }];
    case 'DELETE /api/customers/*':
      return ['audit.customerDeleted', { id: idAfter(p.path, '/api/customers/') }];
    case 'POST /api/customers/import':
      return ['audit.customersImported', { bytes: p.bytes ?? '?' }];
    case 'POST /api/tickets':
      return ['audit.ticketCreated', { id: p.created ?? '' }];
    case 'PUT /api/tickets/*':
      return ['audit.ticketChanged', { id: idAfter(p.path, '/api/tickets/') }];
    case 'PUT /api/me/password':
      return ['audit.ownPassword', {}];
    case 'POST /api/admin/reload':
      return ['audit.reloaded', {}];
    case 'SIP ban':
      return ['audit.sipBan', { id: entry.object, reason: String(entry.detail ?? '').split('; ')[0] }];
    default:
      return ['audit.other', { id: p.path }];
  }
}

/** The raw request an entry records, as the server wrote it: for the tooltip. */
export function auditRaw(entry) {
  return [entry.action, entry.object, entry.detail].filter(Boolean).join('; ');
}

/**
 * The entry as a sentence in the page's language: who did what to which object, the fields a
 * change named (never their values: the server keeps none), and a refusal's status.
 */
export function auditSentence(entry) {
  const p = auditParts(entry);
  const [key, params] = sentenceOf(entry, p);
  const who = entry.role === 'system' ? entry.actor : t('audit.who', { actor: entry.actor, role: t(`role.${entry.role}`) });
  let text = t(key, { who, ...params });
  if (p.fields.length > 0 && !key.endsWith('Created') && key !== 'audit.ownPassword') {
    text += t('audit.fields', { fields: fieldList(p.fields) });
  }
  if (p.status !== null && p.status >= 400) {
    text += t('audit.refused', { status: p.status });
  }
  return text;
}
