export const adminStyles = `
:root { color-scheme: light; --ink: #1b2a36; --muted: #4a5a66; --line: #d6dde3; --brand: #0b5f8a; --accent: #b3541e; --bad: #a1251b; --good: #1d6b3a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f5f7f9; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 24px; }
header.top { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 12px 24px; background: #fff; border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 1.25rem; margin: 0; }
header.top nav { display: flex; flex-wrap: wrap; gap: 4px; flex: 1; }
.who { margin: 0; color: var(--muted); }
h1 { font-size: 1.5rem; margin: 0 0 16px; }
h2 { font-size: 1.15rem; margin: 0 0 8px; }
h3 { font-size: 1.05rem; margin: 16px 0 8px; }
h4 { font-size: 1rem; margin: 8px 0 4px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px; margin: 0 0 16px; overflow-x: auto; }
.section-head { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; }
.filters { display: flex; gap: 4px; }
button { font: inherit; min-height: 44px; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--brand); background: var(--brand); color: #fff; cursor: pointer; }
button.secondary, .filters button, button.tab { background: #fff; color: var(--brand); }
.filters button[aria-pressed="true"], button.tab[aria-current="page"] { background: var(--brand); color: #fff; }
button.link { min-height: 0; padding: 0; border: 0; background: none; color: var(--brand); text-decoration: underline; text-align: left; font-weight: 600; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible, summary:focus-visible, pre:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
select, input, textarea { font: inherit; min-height: 44px; padding: 6px 8px; border: 1px solid var(--muted); border-radius: 6px; max-width: 100%; }
textarea, .field input { width: 100%; }
.hint, .empty, .legend { color: var(--muted); margin: 4px 0; }
.count { font-weight: 600; color: var(--brand); margin: 0; }
.error { color: var(--bad); margin: 4px 0; font-weight: 600; }
.ok { color: var(--good); }
.notice { background: #fff7e6; border: 1px solid var(--accent); border-radius: 6px; padding: 8px 12px; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.ref { color: var(--muted); font-weight: 400; font-size: 0.9em; }
.requests { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.request article { border: 1px solid var(--line); border-radius: 8px; padding: 12px; height: 100%; }
.request h3 { margin: 0 0 8px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
dt { color: var(--muted); }
dd { margin: 0; }
.note { white-space: pre-wrap; }
.history { color: var(--muted); margin: 8px 0 0; padding-left: 20px; }
.answers { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 16px; align-items: start; }
@media (max-width: 900px) { .answers { grid-template-columns: 1fr; } main { padding: 12px; } header.top { padding: 12px; } }
.field { margin: 0 0 12px; }
.field label, .editor > form > .field > label { display: block; font-weight: 600; }
.inline { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.inline input[type="text"] { flex: 1; min-width: 200px; }
.actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
.status { margin: 0; }
.preview { border: 1px dashed var(--line); border-radius: 8px; padding: 8px 12px; }
.preview-title { font-weight: 700; margin: 4px 0; }
.revisions { padding-left: 20px; }
.revisions li { margin: 4px 0; }
pre.source { background: #f5f7f9; border: 1px solid var(--line); border-radius: 6px; padding: 8px; overflow-x: auto; white-space: pre-wrap; }
.unanswered li { margin: 0 0 12px; }
.unanswered p { margin: 0; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
.explain dl { margin-top: 4px; }
.explain table { width: 100%; table-layout: fixed; }
.explain td, .explain th { overflow-wrap: anywhere; }
svg { width: 100%; height: auto; }
svg text { font-size: 12px; fill: var(--muted); }
rect.q, .swatch.q { fill: var(--brand); background: var(--brand); }
rect.c, .swatch.c { fill: var(--accent); background: var(--accent); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; }
.login { max-width: 420px; margin-top: 10vh; }
.login form { display: grid; gap: 8px; background: #fff; padding: 20px; border: 1px solid var(--line); border-radius: 10px; }
code { font-size: 0.9em; }
`;
