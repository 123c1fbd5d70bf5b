// Satisfaction-survey values shared by the console's area and the portal's pages (issue 16 part 2; docs/surveys.md): the
// question kinds, an answer sheet's state and the body of POST /surveys/{id}/answers, the editor's question body, and the
// API's scores (0–100) and response rates (percent) as text.
export const QUESTION_KINDS = ['SCORE', 'SINGLE', 'MULTIPLE', 'TEXT'];
export const SUBJECTS = ['COMPANY', 'COMMITTEE'];
export const SURVEY_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'];
export const SCORES = [1, 2, 3, 4, 5];

/** An empty answer sheet for the questions: per question id { score, single, choices, text }. */
export function emptySheet(questions) {
  const sheet = {};
  for (const q of questions || []) sheet[q.id] = { score: null, single: null, choices: [], text: '' };
  return sheet;
}

/** The ordinals of required questions left unanswered on the sheet. */
export function missing(questions, sheet) {
  return (questions || []).filter(q => q.required && !answered(q, sheet[q.id])).map(q => q.ordinal);
}

function answered(q, a) {
  if (!a) return false;
  if (q.kind === 'SCORE') return a.score != null;
  if (q.kind === 'SINGLE') return a.single != null;
  if (q.kind === 'MULTIPLE') return (a.choices || []).length > 0;
  return !!(a.text || '').trim();
}

/** The body of POST /surveys/{id}/answers: answered questions only; estateId when the respondent chose one. */
export function answerBody(questions, sheet, estateId) {
  const answers = [];
  for (const q of questions || []) {
    const a = sheet[q.id];
    if (!answered(q, a)) continue;
    if (q.kind === 'SCORE') answers.push({ questionId: q.id, score: a.score });
    else if (q.kind === 'SINGLE') answers.push({ questionId: q.id, choices: [a.single] });
    else if (q.kind === 'MULTIPLE') answers.push({ questionId: q.id, choices: [...a.choices].sort((x, y) => x - y) });
    else answers.push({ questionId: q.id, text: a.text.trim() });
  }
  return estateId ? { estateId, answers } : { answers };
}

/** The editor's question as the API takes it: options one per line (choice questions only). */
export function questionBody(q) {
  const choice = q.kind === 'SINGLE' || q.kind === 'MULTIPLE';
  return {
    kind: q.kind || null,
    text: (q.text || '').trim(),
    options: choice ? String(q.optionsText || '').split('\n').map(s => s.trim()).filter(Boolean) : null,
    indicatorCode: q.indicatorCode || null,
    required: q.required !== false,
  };
}

/** A question of the API as the editor holds it. */
export function editableQuestion(q) {
  return { kind: q.kind, text: q.text, optionsText: (q.options || []).join('\n'), indicatorCode: q.indicatorCode || '', required: q.required };
}

/** A score 0–100 (the API's decimal) as "87.50", empty without one. */
export function scoreText(v) {
  if (v === null || v === undefined || v === '') return '';
  return Number(v).toFixed(2);
}

/** A response rate in percent as "42.50%", empty without one. */
export function rateText(v) {
  if (v === null || v === undefined || v === '') return '';
  return `${Number(v).toFixed(2)}%`;
}
