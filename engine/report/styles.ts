// The inline stylesheet of HTML reports: screen and print (the browser's print-to-PDF gives a clean report).
// In: nothing. Out: CSS text. System fonts only: a report never loads anything from the network.

export const REPORT_CSS = `
:root { --ink:#1d2733; --muted:#5b6878; --line:#d9dee5; --bg:#f6f7f9; --accent:#2557a7; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 8px; }
h3 { font-size: 16px; margin: 20px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4 { font-size: 14px; margin: 14px 0 6px; }
.sub { color: var(--muted); margin: 0 0 16px; }
section.platform, section.summary, section.basis, section.signature { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin: 0 0 24px; }
.head { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
.head .facts { flex: 1 1 320px; }
.badge { display: inline-block; min-width: 56px; text-align: center; padding: 6px 12px; border-radius: 6px; color: #fff; font-weight: 700; font-size: 20px; }
.badge small { display: block; font-size: 11px; font-weight: 400; }
.lv0 { background: #1b7f3b; } .lv1 { background: #3f9a4a; } .lv2 { background: #6aa84f; } .lv3 { background: #b59b1b; }
.lv4 { background: #c07a12; } .lv5 { background: #8a8f98; } .lvvetoed { background: #b3261e; } .lvnot_rated { background: #9c4f00; }
.lvinvalid { background: #555; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
td.num { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.dim td { background: #f3f6fb; font-weight: 600; }
td.rule code, li code { font-size: 12.5px; }
.basis { color: var(--muted); font-size: 12px; }
.na { color: var(--muted); }
.missing { color: #9c4f00; }
ul { margin: 4px 0 8px; padding-left: 22px; }
.fail { color: #b3261e; }
.ok { color: #1b7f3b; }
dl.prov { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; font-size: 12.5px; }
dl.prov dt { color: var(--muted); } dl.prov dd { margin: 0; word-break: break-all; }
svg.radar .ring { fill: none; stroke: #d5dae1; } svg.radar .spoke { stroke: #d5dae1; }
svg.radar .own { fill: rgba(37, 87, 167, 0.25); stroke: var(--accent); stroke-width: 2; }
svg.radar .median { fill: none; stroke: #c07a12; stroke-width: 2; stroke-dasharray: 5 4; }
svg.radar .dot { fill: var(--accent); }
svg .axis, svg .legend, svg .count { font-size: 12px; fill: var(--ink); }
svg.bars .bar { fill: var(--accent); }
svg.bars .bar.vetoed { fill: #b3261e; } svg.bars .bar.not_rated { fill: #9c4f00; } svg.bars .bar.invalid { fill: #555; }
table.signature td.blank { height: 48px; border: 1px solid var(--line); min-width: 140px; }
table.signature th { white-space: nowrap; }
a { color: var(--accent); }
nav.back { font-size: 12px; margin-top: 8px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section.platform, section.summary, section.basis, section.signature { border: none; padding: 0; margin: 0 0 12px; }
  section.signature { break-inside: avoid; }
  section.platform { break-before: page; }
  section.summary + section.platform, main > section.platform:first-of-type { break-before: auto; }
  nav.back { display: none; }
  a { color: inherit; text-decoration: none; }
  tr, li, svg { break-inside: avoid; }
  h3 { break-after: avoid; }
  .badge, th, tr.dim td, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4; margin: 16mm 14mm; }
}
`;
