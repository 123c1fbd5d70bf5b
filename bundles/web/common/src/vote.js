// E-voting values shared by the console's area and the portal's pages (issue 16; docs/voting-contract.md): the Civil
// Code art. 278 categories in their order, the choices, rule fractions as text and the API's ratio strings as percents.
// Ratios and areas are the API's exact strings: shown, never recomputed or compared as floats (`met` is the API's
// decision by cross-multiplication).
export const CATEGORIES = ['RULES_OF_PROCEDURE', 'COVENANT', 'COMMITTEE', 'PROPERTY_SERVICE', 'FUND_USE', 'FUND_RAISE', 'REBUILD',
  'COMMON_PARTS_USE', 'OTHER'];
export const CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN'];

/** The art. 278 item of a category (1..9): the answer's `article`, else the category's place. */
export function article(category, given) {
  if (given) return given;
  const i = CATEGORIES.indexOf(category);
  return i < 0 ? null : i + 1;
}

/** A rule part `{numerator, denominator, comparison}` as "≥ 2/3" (GE, 以上) or "> 1/2" (GT, 过半数). */
export function fraction(part) {
  if (!part) return '';
  return `${part.comparison === 'GT' ? '>' : '≥'} ${part.numerator}/${part.denominator}`;
}

/** "0.7234" → "72.34%" by moving the decimal point in the text (no float arithmetic). */
export function percent(ratio) {
  if (ratio === null || ratio === undefined || ratio === '') return '';
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(ratio));
  if (!m) return String(ratio);
  const digits = m[1] + (m[2] || '').padEnd(4, '0').slice(0, 4);
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '') || '0';
  return `${whole}.${digits.slice(-2)}%`;
}
