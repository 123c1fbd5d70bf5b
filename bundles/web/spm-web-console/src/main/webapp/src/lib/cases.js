// Where a case of a domain opens in the console, and the complaint statuses in workflow order (docs/api.md).
export const COMPLAINT_STATUSES = ['REGISTERED', 'DISPATCHED', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED'];
export const OPEN_COMPLAINT = ['REGISTERED', 'DISPATCHED', 'IN_PROGRESS', 'WAITING', 'REOPENED'];
export const OPEN_REPAIR = ['REQUESTED', 'ACCEPTED', 'SCHEDULED', 'REOPENED'];

const PATHS = { complaint: '/complaints/', repair: '/repairs/', patrol: '/patrols/tasks/' };

/** A deadline's case (its domain and item id) in the console: complaint 33 → /complaints/33; unknown domain → null. */
export function caseLink(domain, id) {
  return PATHS[domain] ? PATHS[domain] + id : null;
}
