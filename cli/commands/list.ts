// `assay list`: the ruleset registry (id, version, status, date, hash, path) as a table, Markdown or JSON.

import { relative } from 'node:path';
import type { Lang } from '../../dsl/index';
import { flag, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { listRegistry, registryDir } from '../io';
import { markdownTable, textTable } from '../table';
import type { Out } from './common';

export function runList(p: ParsedArgs, lang: Lang, out: Out): number {
  const dir = registryDir(flag(p, 'registry'));
  const entries = listRegistry(dir);
  const format = flag(p, 'format') ?? 'table';
  if (format === 'json') {
    out.out(JSON.stringify(entries.map((e) => ({ ...e.identity, path: relative(process.cwd(), e.path) || e.path })), null, 2));
    return 0;
  }
  const header = ['hId', 'hVersion', 'hStatus', 'hDate', 'hHash', 'hPath'] as const;
  const rows = entries.map((e) => [
    e.identity.id,
    e.identity.version,
    e.identity.status,
    e.identity.date ?? '—',
    e.identity.hash,
    relative(process.cwd(), e.path) || e.path,
  ]);
  const h = header.map((k) => t(lang, k));
  out.out(format === 'md' ? markdownTable(h, rows) : textTable(h, rows));
  return 0;
}
