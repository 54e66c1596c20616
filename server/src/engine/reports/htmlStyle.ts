// The HTML report's stylesheet, inlined into the page so the report is one self-contained file.
// Screen: cards, pills, progress bars. Print: landscape A4, no shadows, repeated table headers, rows
// kept whole, colours kept (print-color-adjust) so the pills stay readable on paper.
export const REPORT_CSS = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --card: #ffffff;
  --accent: #0969da; --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9;
  --warn: #9a6700; --warn-bg: #fff8c5; --info-bg: #ddf4ff; --grey-bg: #eff2f5;
}
* { box-sizing: border-box; }
html { font-size: 14px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 1rem/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", "Liberation Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 28px 32px 48px; }
header.top { display: flex; justify-content: space-between; align-items: flex-end; gap: 24px; flex-wrap: wrap;
  border-bottom: 1px solid var(--line); padding-bottom: 16px; margin-bottom: 20px; }
h1 { font-size: 1.85rem; margin: 0; letter-spacing: -0.01em; }
h1 .product { color: var(--accent); }
.products { color: var(--muted); margin-top: 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 12px; }
h3 { font-size: 1.05rem; margin: 20px 0 8px; }
.meta { color: var(--muted); font-size: 0.93rem; text-align: right; }
.meta code { font-size: 0.86rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card .label { color: var(--muted); font-size: 0.86rem; text-transform: uppercase; letter-spacing: 0.04em; }
.card .value { font-size: 2rem; font-weight: 600; margin-top: 2px; }
.card .value small { font-size: 1rem; color: var(--muted); font-weight: 400; }
.card.bad .value { color: var(--bad); }
.card.ok .value { color: var(--ok); }
.bar { height: 6px; background: var(--grey-bg); border-radius: 3px; overflow: hidden; margin-top: 8px; }
.bar > span { display: block; height: 100%; background: var(--ok); }
.bar.late > span { background: var(--warn); }
table { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--card);
  border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
tr:last-child td { border-bottom: none; }
th { background: var(--grey-bg); font-size: 0.86rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fbfcfd; }
td.id { white-space: nowrap; font-weight: 600; }
td.score { white-space: nowrap; }
td.title .where { display: block; color: var(--muted); font-size: 0.86rem; }
td.links { font-size: 0.86rem; }
td.links ul { list-style: none; margin: 0; padding: 0; }
td.links li { white-space: nowrap; }
td.none, .none { color: var(--muted); }
.sub { display: block; color: var(--muted); font-size: 0.86rem; }
td.progress { min-width: 150px; }
td.progress .bar { margin-top: 4px; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.86rem; font-weight: 500;
  background: var(--grey-bg); color: var(--fg); white-space: nowrap; }
.pill.good { background: var(--ok-bg); color: var(--ok); }
.pill.bad { background: var(--bad-bg); color: var(--bad); }
.pill.warn { background: var(--warn-bg); color: var(--warn); }
.pill.info { background: var(--info-bg); color: var(--accent); }
.pill.quiet { background: var(--grey-bg); color: var(--muted); }
.overdue { color: var(--bad); font-weight: 600; }
footer { margin-top: 28px; color: var(--muted); font-size: 0.86rem; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  html { font-size: 10px; }
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  .card, table { border-radius: 0; }
  table { overflow: visible; }
  thead { display: table-header-group; }
  tr, .card { break-inside: avoid; }
  h2 { break-after: avoid; }
  tbody tr:nth-child(even) td { background: #fff; }
}
`;
