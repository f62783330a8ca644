// Counts the rule lines of rulesets: every non-blank line once comments, `label`/`title { … }` blocks (one line or
// several), `note "…"` lines and lines holding only closing braces are set aside. In: paths of .assay files.
// Out: `<rule lines>  (<with lone braces> with lone closing braces)  <path>` per file. A line count, not a parse.
import { readFileSync } from 'node:fs';

/** The line without its `#` comment (a `#` inside a string is text). */
function withoutComment(line) {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
    else if (c === '#' && !inString) return line.slice(0, i);
  }
  return line;
}

/** `{ rules, withBraces }`: rule lines, and the same count with lines holding only `}` included. */
export function ruleLines(text) {
  let count = 0;
  let braces = 0;
  let inLabel = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = withoutComment(raw).trim();
    if (line === '') continue;
    if (inLabel) {
      if (line === '}') inLabel = false;
      continue;
    }
    if (/^(label|title)\s*\{/.test(line)) {
      inLabel = !line.endsWith('}');
      continue;
    }
    if (/^note\s+"/.test(line)) continue;
    if (/^}+$/.test(line)) braces++;
    else count++;
  }
  return { rules: count, withBraces: count + braces };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node scripts/rule-lines.mjs <ruleset.assay>…\n');
  process.exit(2);
}
for (const f of files) {
  const { rules, withBraces } = ruleLines(readFileSync(f, 'utf8'));
  process.stdout.write(`${rules}  (${withBraces} with lone closing braces)  ${f}\n`);
}
