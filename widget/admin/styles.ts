export const adminStyles = `
:root { color-scheme: light; --ink: #1b2a36; --muted: #4a5a66; --line: #d6dde3; --brand: #0b5f8a; --accent: #b3541e; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f5f7f9; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
header { display: flex; justify-content: space-between; align-items: center; }
h1 { font-size: 1.5rem; margin: 0 0 16px; }
h2 { font-size: 1.15rem; margin: 0 0 8px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px; margin: 0 0 16px; overflow-x: auto; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
.columns section { margin: 0 0 16px; }
.section-head { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; }
.filters { display: flex; gap: 4px; }
button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--brand); background: var(--brand); color: #fff; cursor: pointer; }
button.secondary, .filters button { background: #fff; color: var(--brand); }
.filters button[aria-pressed="true"] { background: var(--brand); color: #fff; }
button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.note { max-width: 280px; white-space: pre-wrap; }
select, input { font: inherit; padding: 6px 8px; border: 1px solid var(--muted); border-radius: 6px; }
.hint, .empty, .legend { color: var(--muted); margin: 4px 0; }
.count { font-weight: 600; color: var(--brand); }
svg { width: 100%; height: auto; }
svg text { font-size: 12px; fill: var(--muted); }
rect.q, .swatch.q { fill: var(--brand); background: var(--brand); }
rect.c, .swatch.c { fill: var(--accent); background: var(--accent); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; }
.login { max-width: 420px; margin-top: 10vh; }
.login form { display: grid; gap: 8px; background: #fff; padding: 20px; border: 1px solid var(--line); border-radius: 10px; }
`;
