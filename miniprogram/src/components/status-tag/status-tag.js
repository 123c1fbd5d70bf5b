// A status as a coloured tag with its text in the UI language (`status.<domain>.<STATUS>`; domains complaint, repair,
// patrol, vote, house): red rejected / suspended, green finished, amber waiting for someone, blue running.
const i18n = require('../../utils/i18n.js');

const DANGER = ['REJECTED', 'SUSPENDED', 'CANCELLED', 'NOT_HELD'];
const SUCCESS = ['CLOSED', 'CONFIRMED', 'COMPLETED', 'RESOLVED', 'PUBLISHED', 'HELD'];
const WARNING = ['REGISTERED', 'REQUESTED', 'OPEN', 'REPORTED', 'REOPENED', 'NOTICED'];

Component({
  properties: {
    status: { type: String, value: '' },
    domain: { type: String, value: '' },
  },
  data: { kind: '', label: '' },
  observers: {
    'status, domain'(status, domain) {
      const kind = DANGER.includes(status) ? 'danger' : SUCCESS.includes(status) ? 'success' : WARNING.includes(status) ? 'warning' : '';
      const key = `status.${domain}.${status}`;
      this.setData({ kind, label: i18n.has(key) ? i18n.t(key) : status });
    },
  },
});
