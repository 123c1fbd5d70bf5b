// The workflow transitions of complaints, repairs and patrol tasks (issue 10 item 2, docs/api.md "workflow transitions").
// Each row mirrors the kernel table the API publishes in /api/v1/openapi.json (x-spm-transition, x-spm-from-states,
// x-spm-parties, x-spm-permission, x-spm-body): the console does not load that 200 KB document for every case, it keeps
// the rows here and offers a transition only when the status, the permission and the party fit; the API decides in the
// end (403/409 are shown in the form). SVC-CMP-2..4, SVC-REP-1, SVC-PAT-1.
import { api } from '../../../api.js';

const txt = (name, required = false) => ({ name, kind: 'text', required });

export const WORKFLOWS = {
  complaint: {
    base: '/complaints',
    rows: [
      { name: 'dispatch', from: ['REGISTERED', 'REOPENED', 'DISPATCHED'], to: 'DISPATCHED', permission: 'complaint:dispatch', parties: ['REGULATOR'],
        fields: [{ name: 'target', kind: 'dispatch' }, txt('note')] },
      { name: 'accept', from: ['DISPATCHED'], to: 'IN_PROGRESS', permission: 'complaint:handle', parties: ['ASSIGNEE', 'REGULATOR'], fields: [txt('note')] },
      { name: 'wait', from: ['IN_PROGRESS'], to: 'WAITING', permission: 'complaint:handle', parties: ['ASSIGNEE', 'REGULATOR'], fields: [txt('note')] },
      { name: 'resume', from: ['WAITING'], to: 'IN_PROGRESS', permission: 'complaint:handle', parties: ['ASSIGNEE', 'REGULATOR'], fields: [txt('note')] },
      { name: 'resolve', from: ['IN_PROGRESS'], to: 'RESOLVED', permission: 'complaint:handle', parties: ['ASSIGNEE', 'REGULATOR'], fields: [txt('result', true), { name: 'upheld', kind: 'verdict' }] },
      { name: 'close', from: ['RESOLVED'], to: 'CLOSED', permission: 'complaint:read', parties: ['REPORTER', 'REGULATOR'], fields: [txt('note')] },
      { name: 'reopen', from: ['RESOLVED', 'CLOSED'], to: 'REOPENED', permission: 'complaint:read', parties: ['REPORTER'], fields: [txt('reason')] },
      { name: 'reject', from: ['REGISTERED', 'REOPENED', 'DISPATCHED', 'IN_PROGRESS', 'WAITING'], to: 'REJECTED', permission: 'complaint:handle',
        parties: ['ASSIGNEE', 'REGULATOR'], danger: true, fields: [txt('reason', true)] },
    ],
  },
  repair: {
    base: '/repairs',
    rows: [
      { name: 'accept', from: ['REQUESTED', 'REOPENED'], to: 'ACCEPTED', permission: 'repair:handle', parties: ['COMPANY'], fields: [txt('note')] },
      { name: 'schedule', from: ['ACCEPTED', 'SCHEDULED'], to: 'SCHEDULED', permission: 'repair:handle', parties: ['COMPANY'],
        fields: [{ name: 'appointmentAt', kind: 'datetime', required: true }, txt('note')] },
      { name: 'complete', from: ['SCHEDULED'], to: 'COMPLETED', permission: 'repair:handle', parties: ['COMPANY'],
        fields: [txt('report', true), { name: 'photos', kind: 'photos', min: 0, max: 9 }] },
      { name: 'confirm', from: ['COMPLETED'], to: 'CONFIRMED', permission: 'repair:request', parties: ['REPORTER'], fields: [txt('note')] },
      { name: 'reopen', from: ['COMPLETED', 'CONFIRMED'], to: 'REOPENED', permission: 'repair:request', parties: ['REPORTER'], fields: [txt('reason')] },
      { name: 'reject', from: ['REQUESTED', 'REOPENED', 'ACCEPTED', 'SCHEDULED'], to: 'REJECTED', permission: 'repair:handle', parties: ['COMPANY'],
        danger: true, fields: [txt('reason', true)] },
    ],
  },
  patrol: {
    base: '/patrols',
    rows: [
      { name: 'inspect', from: ['OPEN', 'INSPECTED'], to: 'INSPECTED', permission: 'patrol:handle', parties: ['COMPANY'],
        fields: [{ ...txt('text', true), label: 'findings' }, { name: 'photos', kind: 'photos', min: 0, max: 9 }] },
      { name: 'close', from: ['INSPECTED'], to: 'CLOSED', permission: 'patrol:handle', parties: ['COMPANY'],
        fields: [{ ...txt('text', true), label: 'fix' }, { name: 'photos', kind: 'photos', min: 1, max: 9, required: true }] },
    ],
  },
};

/** The statuses of each domain in workflow order (for the filters and the tags). */
export const STATUSES = {
  complaint: ['REGISTERED', 'DISPATCHED', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED'],
  repair: ['REQUESTED', 'ACCEPTED', 'SCHEDULED', 'COMPLETED', 'CONFIRMED', 'REOPENED', 'REJECTED'],
  patrol: ['OPEN', 'INSPECTED', 'CLOSED'],
  report: ['REPORTED', 'TASKED', 'CLOSED'],
};

/** Statuses after which nothing runs (no deadline shown as overdue). */
export const FINISHED = {
  complaint: ['RESOLVED', 'CLOSED', 'REJECTED'],
  repair: ['COMPLETED', 'CONFIRMED', 'REJECTED'],
  patrol: ['CLOSED'],
  report: ['CLOSED'],
};

/** The Element Plus tag type of a status. */
export function statusType(domain, status) {
  if (status === 'REJECTED') return 'danger';
  if ((FINISHED[domain] || []).includes(status)) return 'success';
  if (['REGISTERED', 'REQUESTED', 'OPEN', 'REPORTED', 'REOPENED'].includes(status)) return 'warning';
  return 'primary';
}

/** Is the case past its due time and still running? */
export function isOverdue(domain, record, now = Date.now()) {
  return !!(record && record.dueAt && !(FINISHED[domain] || []).includes(record.status) && Date.parse(record.dueAt) < now);
}

/** The workflow parties the account is for this record (the API's ComplaintParties / RepairParties / PatrolParties). */
export function partiesOf(domain, record, me) {
  const out = new Set();
  if (!record || !me) return out;
  const perms = new Set(me.permissions || []);
  const scope = me.scope || {};
  const ownCompany = scope.kind === 'COMPANY' && scope.companyId != null && scope.companyId === record.companyId;
  if (domain === 'complaint') {
    if (perms.has('complaint:dispatch')) out.add('REGULATOR');
    if (record.complainantAccountId != null && record.complainantAccountId === me.accountId) out.add('REPORTER');
    if ((record.assigneeAccountId != null && record.assigneeAccountId === me.accountId)
        || (record.forwardedToCompany && perms.has('complaint:handle') && ownCompany)) out.add('ASSIGNEE');
  } else if (domain === 'repair') {
    if (perms.has('repair:handle') && ownCompany) out.add('COMPANY');
    if (record.requesterAccountId != null && record.requesterAccountId === me.accountId) out.add('REPORTER');
  } else if (domain === 'patrol') {
    if (perms.has('patrol:handle') && ownCompany) out.add('COMPANY');
  }
  return out;
}

/** The transitions this account may fire on the record now: status allowed, permission held, one of the parties. */
export function allowedTransitions(domain, record, me) {
  const wf = WORKFLOWS[domain];
  if (!wf || !record || !me) return [];
  const perms = new Set(me.permissions || []);
  const parties = partiesOf(domain, record, me);
  return wf.rows.filter(r => r.from.includes(record.status) && perms.has(r.permission) && r.parties.some(p => parties.has(p)));
}

/** A short stable hash of a string (FNV-1a, hex), for the Idempotency-Key of one body. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A random token naming one opening of a form (the first part of its Idempotency-Keys). */
export function nonce() {
  const c = globalThis.crypto;
  if (c && c.randomUUID) return c.randomUUID();
  return Date.now().toString(36) + Math.random().toString(36).slice(2);
}

/**
 * POST {base}/{id}/{transition} with If-Match: "<version>" (the record's ETag; 428 without, 412 when stale) and an
 * Idempotency-Key made of the form's nonce and the body's hash: a repeat of the same body (a double click, a lost
 * answer) is answered once, a corrected body after a field error is a new request (the same key with another body
 * would be 422). Resolves to the updated record.
 */
export function fireTransition(domain, id, name, version, body, formNonce) {
  const json = JSON.stringify(body);
  return api(`${WORKFLOWS[domain].base}/${id}/${name}`, {
    method: 'POST',
    body,
    headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': `${formNonce}-${hash(json)}` },
  });
}

/** A create (POST) with an Idempotency-Key of the form's nonce and the body. */
export function create(path, body, formNonce) {
  return api(path, { method: 'POST', body, headers: { 'Idempotency-Key': `${formNonce}-${hash(JSON.stringify(body))}` } });
}
