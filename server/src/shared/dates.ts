// The one way a date reads in the views, lenses, hovers and the roadmap: "30 Jun" this year,
// "30 Jun 2027" in any other year. Pure, no imports.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-06-30` -> `30 Jun 2027` (`30 Jun` when 2027 is `currentYear`); any other text unchanged. */
export function shortDate(date: string, currentYear: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  if (!month || day < 1 || day > 31) return date;
  return Number(m[1]) === currentYear ? `${day} ${month}` : `${day} ${month} ${m[1]}`;
}
