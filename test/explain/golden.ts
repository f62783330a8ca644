// Golden-file comparison shared by the explain, gap and report tests: readable text stored beside the test.
// In: a path and the text produced now. Out: an assertion; `UPDATE_GOLDEN=1` rewrites the file instead.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';

/** Compares `text` with the golden file (written, and the test failed, when it does not exist yet). */
export function golden(path: string, text: string): void {
  if (UPDATE_GOLDEN || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    if (!UPDATE_GOLDEN) throw new Error(`${path} did not exist and was written: review it and run again`);
    return;
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}
