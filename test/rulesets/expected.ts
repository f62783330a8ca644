// Reads the standard's own table of expected results (rulesets/csp-assessment/expected.md, a verbatim
// copy of the standard's expected.md). In: that markdown text. Out: per version the expected row of each
// sample platform and the exact fractions, and the one-field variations; throws when the layout is not
// the one this reader knows, so a changed table never passes as an empty one.

import { parse as parseYaml } from 'yaml';

export type Version = '0.9' | '1.0';
export const VERSIONS: readonly Version[] = ['0.9', '1.0'];
export const DIMENSIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;

export interface ExpectedRow {
  readonly platform: string;
  readonly outcome: string;
  /** null where the table shows `—`. */
  readonly level: string | null;
  /** Two decimals, as printed. */
  readonly total: string;
  readonly dimensions: ReadonlyMap<string, string>;
  readonly vetoes: readonly string[];
  readonly prerequisitesFailed: readonly string[];
}

/** `P2_regional_aicc total = 8479/110` → { platform, what: 'total', fraction: '8479/110' }. */
export interface ExpectedExact {
  readonly platform: string;
  /** `total` or a dimension id. */
  readonly what: string;
  readonly fraction: string;
}

export interface VariationOutcome {
  readonly outcome: string;
  readonly level: string | null;
  readonly total: string;
  readonly vetoes: readonly string[];
  readonly prerequisitesFailed: readonly string[];
}

export interface Variation {
  /** Sample file name without `.yaml`, e.g. `p1-hub-operator`. */
  readonly file: string;
  /** The changed evidence fields with their YAML values. */
  readonly changes: Readonly<Record<string, unknown>>;
  /** The change as written in the table, for test names. */
  readonly text: string;
  readonly byVersion: ReadonlyMap<Version, VariationOutcome>;
}

export interface Expected {
  readonly rows: ReadonlyMap<Version, readonly ExpectedRow[]>;
  readonly exact: ReadonlyMap<Version, readonly ExpectedExact[]>;
  readonly variations: readonly Variation[];
}

function fail(what: string): never {
  throw new Error(`expected.md: ${what}`);
}

/** The lines of the section that starts with `heading`, up to the next `## `. */
function section(lines: readonly string[], heading: string): string[] {
  const start = lines.indexOf(heading);
  if (start < 0) fail(`no section ${heading}`);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    out.push(line);
  }
  return out;
}

/** Body rows of the first table in `lines` (header and separator dropped), as trimmed cells. */
function tableRows(lines: readonly string[]): string[][] {
  const table = lines.filter((l) => l.startsWith('|'));
  if (table.length < 3) fail('table without rows');
  return table.slice(2).map((l) =>
    l
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim()),
  );
}

function list(cell: string): string[] {
  return cell === '—' ? [] : cell.split(',').map((s) => s.trim());
}

function versionSection(lines: readonly string[], v: Version): { rows: ExpectedRow[]; exact: ExpectedExact[] } {
  const body = section(lines, `## Version ${v}`);
  const rows = tableRows(body).map((cells): ExpectedRow => {
    if (cells.length !== 13) fail(`row of ${v} with ${cells.length} cells`);
    const [platform, outcome, level, total, a, b, c, d, e, f, g, vetoes, failed] = cells as [
      string, string, string, string, string, string, string, string, string, string, string, string, string,
    ];
    const dims = [a, b, c, d, e, f, g];
    return {
      platform,
      outcome,
      level: level === '—' ? null : level,
      total,
      dimensions: new Map(DIMENSIONS.map((id, i) => [id, dims[i] ?? fail('dimension cell')])),
      vetoes: list(vetoes),
      prerequisitesFailed: list(failed),
    };
  });
  const exactLine = body.find((l) => l.startsWith('Exact values:')) ?? fail(`no exact values for ${v}`);
  const exact = exactLine
    .replace(/^Exact values:\s*/, '')
    .replace(/\.$/, '')
    .split(';')
    .map((part): ExpectedExact => {
      const m = /^(\S+) (\S+) = (-?\d+\/\d+)$/.exec(part.trim());
      if (!m) fail(`exact value ${part}`);
      return { platform: m[1] ?? '', what: m[2] ?? '', fraction: m[3] ?? '' };
    });
  return { rows, exact };
}

/** `graded L4, total 91.00` · `vetoed, total 87.18, vetoes V2` · `not_rated, total 88.00, failed P3` */
function variationOutcome(cell: string): VariationOutcome {
  const m = /^(\w+)(?: (L\d))?, total (\d+\.\d\d)(?:, vetoes ([V\d, ]+?))?(?:, failed ([P\d, ]+?))?$/.exec(cell);
  if (!m) fail(`variation result ${cell}`);
  return {
    outcome: m[1] ?? '',
    level: m[2] ?? null,
    total: m[3] ?? '',
    vetoes: m[4] === undefined ? [] : list(m[4]),
    prerequisitesFailed: m[5] === undefined ? [] : list(m[5]),
  };
}

function variations(lines: readonly string[]): Variation[] {
  return tableRows(section(lines, '## Variations (one field changed in a sample platform)')).map((cells) => {
    const [file, change, v09, v10] = cells;
    if (file === undefined || change === undefined || v09 === undefined || v10 === undefined) fail('variation row');
    const changes: Record<string, unknown> = {};
    for (const m of change.matchAll(/`([^`]+)`/g)) {
      const parsed: unknown = parseYaml(m[1] ?? '');
      if (typeof parsed !== 'object' || parsed === null) fail(`variation change ${change}`);
      Object.assign(changes, parsed);
    }
    if (Object.keys(changes).length === 0) fail(`variation change ${change}`);
    return {
      file,
      changes,
      text: change.replace(/`/g, ''),
      byVersion: new Map<Version, VariationOutcome>([
        ['0.9', variationOutcome(v09)],
        ['1.0', variationOutcome(v10)],
      ]),
    };
  });
}

export function parseExpected(markdown: string): Expected {
  const lines = markdown.split(/\r?\n/);
  const rows = new Map<Version, ExpectedRow[]>();
  const exact = new Map<Version, ExpectedExact[]>();
  for (const v of VERSIONS) {
    const s = versionSection(lines, v);
    rows.set(v, s.rows);
    exact.set(v, s.exact);
  }
  return { rows, exact, variations: variations(lines) };
}
