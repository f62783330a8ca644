// `--watch`: runs a command again when one of the files or folders it names changes (fs.watch, debounced).
// In: the command's paths (files, folders, registry references) and a function that runs it once. Out: the number
// of paths watched; the watchers live until the process ends (Ctrl-C). Nothing is watched for standard input.

import { existsSync, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isReference } from '../engine/index';
import { loadRulesetSource } from './io';

/** Changes closer together than this make one run (editors write a file in several steps). */
const DEBOUNCE_MS = 150;

/** The file behind a path or registry reference, if there is one on disk. */
function onDisk(arg: string, registry: string | undefined): string | undefined {
  if (existsSync(arg)) return resolve(arg);
  if (!isReference(arg)) return undefined;
  try {
    return resolve(loadRulesetSource(arg, registry).path);
  } catch {
    return undefined;
  }
}

/**
 * Watches every path (a file through its folder, so that editors that replace the file are seen; a folder with
 * everything under it) and calls `rerun` with the changed path once changes settle, never while a run is going on.
 */
export function watchFiles(args: readonly string[], registry: string | undefined, rerun: (path: string) => Promise<unknown>): number {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let pending: string | undefined;
  const fire = (): void => {
    timer = undefined;
    if (pending === undefined) return;
    if (running) {
      timer = setTimeout(fire, DEBOUNCE_MS);
      return;
    }
    const path = pending;
    pending = undefined;
    running = true;
    void rerun(path).finally(() => {
      running = false;
    });
  };
  const changed = (path: string): void => {
    pending = path;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, DEBOUNCE_MS);
  };
  let n = 0;
  for (const path of new Set(args.map((a) => onDisk(a, registry)))) {
    if (path === undefined) continue;
    if (statSync(path).isDirectory()) {
      watch(path, { recursive: true }, (_event, name) => changed(name ? `${path}/${name}` : path));
    } else {
      const dir = dirname(path);
      const file = basename(path);
      watch(dir, (_event, name) => {
        if (name === file) changed(path);
      });
    }
    n++;
  }
  return n;
}
