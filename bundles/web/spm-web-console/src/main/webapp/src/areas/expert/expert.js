// Helpers of the expert pages (issue 15, 评标专家库: SUP-EX-1..3, TND-5): statuses, specialties and kinds of ties as the
// API names them, the account's own name, and what the tender pages share (tags, If-Match writes, list answers).
import { session } from '../../session.js';

export { may, postIfMatch, putIfMatch, fieldError, formatDate, formatTime, optional, rowsOf, tagType, materialsBody } from '../tender/tender.js';

export const EXPERT_STATUSES = ['APPLYING', 'ACTIVE', 'SUSPENDED', 'REMOVED'];
/** Status changes a regulator makes (REMOVED is final). */
export const STATUS_CHANGES = ['ACTIVE', 'SUSPENDED', 'REMOVED'];
export const TIE_KINDS = ['EMPLOYER', 'FORMER_EMPLOYER', 'RELATIVE', 'OTHER'];
/** Specialties offered in the forms (the API keeps codes; others may be typed). */
export const SPECIALTIES = ['PROPERTY_MANAGEMENT', 'ENGINEERING', 'FACILITIES', 'FINANCE', 'LAW', 'GREEN_SPACE'];

/** The signed-in account's user name (GET /auth/me). */
export function myAccount() {
  return (session.me && (session.me.username || session.me.name)) || '';
}

/** A confirmation's or seat's state in one word the texts know. */
export function seatState(c) {
  return (c && (c.status || c.state)) || 'PENDING';
}
