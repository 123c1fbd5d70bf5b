// The workflow transitions of complaints, repairs and patrol tasks the mini program offers (issue 10 item 2; the rows of
// the kernel tables as the console keeps them in areas/complaints/case/workflow.js, without the regulator's dispatch and
// verdict, which are the management platform's). A transition is offered only when the status, the permission and the
// party fit; the API decides in the end (403/409 are shown). Each one is POST {base}/{id}/{name} with If-Match and an
// Idempotency-Key. SVC-CMP-3..4, SVC-REP-1, SVC-PAT-1, OWN-4, OWN-5, COS-5..7, OCS-7/8.
const api = require('./api.js');

const txt = (name, required) => ({ name, kind: 'text', required: !!required });

const WORKFLOWS = {
  complaint: {
    base: '/complaints',
    statuses: ['REGISTERED', 'DISPATCHED', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED'],
    rows: [
      { name: 'accept', from: ['DISPATCHED'], permission: 'complaint:handle', parties: ['ASSIGNEE'], fields: [txt('note')] },
      { name: 'wait', from: ['IN_PROGRESS'], permission: 'complaint:handle', parties: ['ASSIGNEE'], fields: [txt('note')] },
      { name: 'resume', from: ['WAITING'], permission: 'complaint:handle', parties: ['ASSIGNEE'], fields: [txt('note')] },
      { name: 'resolve', from: ['IN_PROGRESS'], permission: 'complaint:handle', parties: ['ASSIGNEE'], fields: [txt('result', true)] },
      { name: 'close', from: ['RESOLVED'], permission: 'complaint:read', parties: ['REPORTER'], fields: [txt('note')] },
      { name: 'reopen', from: ['RESOLVED', 'CLOSED'], permission: 'complaint:read', parties: ['REPORTER'], fields: [txt('reason')] },
      { name: 'reject', from: ['REGISTERED', 'REOPENED', 'DISPATCHED', 'IN_PROGRESS', 'WAITING'], permission: 'complaint:handle',
        parties: ['ASSIGNEE'], danger: true, fields: [txt('reason', true)] },
    ],
  },
  repair: {
    base: '/repairs',
    statuses: ['REQUESTED', 'ACCEPTED', 'SCHEDULED', 'COMPLETED', 'CONFIRMED', 'REOPENED', 'REJECTED'],
    rows: [
      { name: 'accept', from: ['REQUESTED', 'REOPENED'], permission: 'repair:handle', parties: ['COMPANY'], fields: [txt('note')] },
      { name: 'schedule', from: ['ACCEPTED', 'SCHEDULED'], permission: 'repair:handle', parties: ['COMPANY'],
        fields: [{ name: 'appointmentAt', kind: 'datetime', required: true }, txt('note')] },
      { name: 'complete', from: ['SCHEDULED'], permission: 'repair:handle', parties: ['COMPANY'],
        fields: [txt('report', true), { name: 'photos', kind: 'photos' }] },
      { name: 'confirm', from: ['COMPLETED'], permission: 'repair:request', parties: ['REPORTER'], fields: [txt('note')] },
      { name: 'reopen', from: ['COMPLETED', 'CONFIRMED'], permission: 'repair:request', parties: ['REPORTER'], fields: [txt('reason')] },
      { name: 'reject', from: ['REQUESTED', 'REOPENED', 'ACCEPTED', 'SCHEDULED'], permission: 'repair:handle', parties: ['COMPANY'],
        danger: true, fields: [txt('reason', true)] },
    ],
  },
  patrol: {
    base: '/patrols',
    statuses: ['OPEN', 'INSPECTED', 'CLOSED'],
    rows: [
      { name: 'inspect', from: ['OPEN', 'INSPECTED'], permission: 'patrol:handle', parties: ['COMPANY'],
        fields: [{ ...txt('text', true), label: 'findings' }, { name: 'photos', kind: 'photos' }] },
      { name: 'close', from: ['INSPECTED'], permission: 'patrol:handle', parties: ['COMPANY'],
        fields: [{ ...txt('text', true), label: 'fix' }, { name: 'photos', kind: 'photos', required: true }] },
    ],
  },
};

/** Statuses after which nothing runs. */
const FINISHED = {
  complaint: ['RESOLVED', 'CLOSED', 'REJECTED'],
  repair: ['COMPLETED', 'CONFIRMED', 'REJECTED'],
  patrol: ['CLOSED'],
};

/** The party the account is for this record (the API's ComplaintParties / RepairParties / PatrolParties). */
function partiesOf(domain, record, me) {
  const out = new Set();
  if (!record || !me) return out;
  const perms = new Set(me.permissions || []);
  const scope = me.scope || {};
  const ownCompany = scope.kind === 'COMPANY' && scope.companyId != null && scope.companyId === record.companyId;
  if (domain === 'complaint') {
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

/** The transitions the account may fire on the record now. */
function allowedTransitions(domain, record, me) {
  const wf = WORKFLOWS[domain];
  if (!wf || !record || !me) return [];
  const perms = new Set(me.permissions || []);
  const parties = partiesOf(domain, record, me);
  return wf.rows.filter(r => r.from.includes(record.status) && perms.has(r.permission) && r.parties.some(p => parties.has(p)));
}

function isOverdue(domain, record, now) {
  return !!(record && record.dueAt && !(FINISHED[domain] || []).includes(record.status) && Date.parse(record.dueAt) < (now || Date.now()));
}

/** A short stable hash of a text (FNV-1a, hex): the Idempotency-Key of one form opening and one body. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** POST {base}/{id}/{name} with If-Match: "<version>" and an Idempotency-Key → the updated record. */
function fire(domain, id, name, version, body, key) {
  return api.request(`${WORKFLOWS[domain].base}/${id}/${name}`, {
    method: 'POST', data: body, header: { 'If-Match': `"${version}"`, 'Idempotency-Key': key || api.idempotencyKey() },
  });
}

module.exports = { WORKFLOWS, FINISHED, partiesOf, allowedTransitions, isOverdue, fire, hash };
