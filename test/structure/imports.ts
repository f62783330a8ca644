// The import directions of the tree, as a checker over source text (no file system, so a test can plant files).
// In: TypeScript files as {path, text} (paths relative to the repository, `/`-separated). Out: every import found
// (static, dynamic, `import type`, `export … from`, `import('x').T`, Vite's `import.meta.glob`) and the violations.
//
// The rules (README.md, "Layout"; /work/shared/style.md, principle 2):
//  - dsl/ imports nothing from engine/, cli/, playground/;
//  - engine/ imports nothing from cli/ or playground/;
//  - dsl/ and engine/ import no Node built-in (`node:*`, or a built-in by bare name): they run in the browser;
//  - cli/ and playground/ reach the engine only through engine/index.ts and the syntax only through dsl/index.ts.
// Anything else (rulesets/ and docs/ data, packages, a front end's own files) is not restricted here.

import ts from 'typescript';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** One import of a file: the specifier as written, its 1-based line, and the file it names (repository path). */
export interface ImportSite {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  /** The repository path the specifier names, without extension and query; `undefined` for a package. */
  readonly target: string | undefined;
}

export interface Violation extends ImportSite {
  readonly rule: string;
}

/** Every import of one file, in source order. */
export function importsOf(file: SourceFile): ImportSite[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: ImportSite[] = [];
  const add = (literal: ts.Node): void => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
    found.push({ file: file.path, line, specifier: literal.text, target: resolve(file.path, literal.text) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier !== undefined) add(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isGlob(node.expression))) {
      const first = node.arguments[0];
      if (first !== undefined && ts.isArrayLiteralExpression(first)) first.elements.forEach(add);
      else if (first !== undefined) add(first);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `import.meta.glob(...)`: Vite's way of importing every file a pattern matches. */
function isGlob(callee: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'glob' &&
    ts.isMetaProperty(callee.expression) &&
    callee.expression.keywordToken === ts.SyntaxKind.ImportKeyword
  );
}

/** The repository path a relative specifier names (`../engine/index.js` from `cli/io.ts` → `engine/index`). */
export function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.replace(/[?#].*$/s, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/').replace(/\.(d\.ts|tsx?|mts|cts|jsx?|mjs|cjs)$/, '');
}

type Area = 'dsl' | 'engine' | 'cli' | 'playground' | 'other';

function areaOf(path: string): Area {
  const top = path.split('/')[0];
  return top === 'dsl' || top === 'engine' || top === 'cli' || top === 'playground' ? top : 'other';
}

/** The entry point each lower layer shows the front ends; a folder import means its index. */
const ENTRY: Readonly<Record<'dsl' | 'engine', string>> = { dsl: 'dsl/index', engine: 'engine/index' };

/** What rule, if any, one import breaks. `builtins` are Node's module names without the `node:` prefix. */
export function ruleBroken(site: ImportSite, builtins: ReadonlySet<string>): string | undefined {
  const from = areaOf(site.file);
  const to = site.target === undefined ? undefined : areaOf(site.target);
  switch (from) {
    case 'dsl':
    case 'engine': {
      if (site.specifier.startsWith('node:') || builtins.has(site.specifier.split('/')[0] ?? '')) {
        return `${from}/ runs in the browser: no Node built-in`;
      }
      if (from === 'dsl' && to === 'engine') return 'dsl/ is below engine/: it imports nothing from engine/';
      if (to === 'cli' || to === 'playground') return `${from}/ imports nothing from the front ends (${to}/)`;
      return undefined;
    }
    case 'cli':
    case 'playground': {
      if (site.target === undefined || (to !== 'dsl' && to !== 'engine')) return undefined;
      const entry = ENTRY[to];
      if (site.target === entry || site.target === to) return undefined;
      return `${from}/ reaches ${to}/ only through ${entry}.ts`;
    }
    case 'other':
      return undefined;
    default:
      return assertNever(from);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected area ${String(value)}`);
}

/** Every import of every file that breaks a rule, in file then line order. */
export function checkImports(files: readonly SourceFile[], builtins: ReadonlySet<string>): Violation[] {
  const violations: Violation[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const site of importsOf(file)) {
      const rule = ruleBroken(site, builtins);
      if (rule !== undefined) violations.push({ ...site, rule });
    }
  }
  return violations;
}

/** One line per violation: `cli/io.ts:8 imports '../dsl/parse': cli/ reaches dsl/ only through dsl/index.ts`. */
export function violationText(v: Violation): string {
  return `${v.file}:${v.line} imports '${v.specifier}': ${v.rule}`;
}
