// The rulesets and sample platforms shipped inside the playground, read at build time.
// In: rulesets/<id>/<version>.assay and rulesets/<id>/platforms/*.yaml (as raw text). Out: sorted lists.

import { readEvidence } from './evidence-doc';
import type { PlatformInput } from './protocol';

export { readEvidence };

const rulesetFiles = import.meta.glob('../../rulesets/*/*.assay', { query: '?raw', import: 'default', eager: true });
const platformFiles = import.meta.glob('../../rulesets/*/platforms/*.{yaml,yml,json}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface BundledRuleset {
  /** `csp-assessment@1.0` */
  readonly ref: string;
  readonly id: string;
  readonly version: string;
  readonly path: string;
  readonly text: string;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const c = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}

export const BUNDLED_RULESETS: readonly BundledRuleset[] = Object.entries(rulesetFiles)
  .map(([file, text]) => {
    const m = /rulesets\/([^/]+)\/([^/]+)\.assay$/.exec(file);
    const id = m?.[1] ?? file;
    const version = m?.[2] ?? '';
    return { ref: `${id}@${version}`, id, version, path: `rulesets/${id}/${version}.assay`, text: String(text) };
  })
  .sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));

/**
 * What the playground opens first: the newest version of the first standard (by id) that has several versions, and
 * the version before it to compare with. With one-version standards bundled beside it (cvss, iso-33020, leed-bdc),
 * "the last two files" would pair two different standards. No standard with two versions: the last ruleset alone.
 */
export function startingPair(rulesets: readonly BundledRuleset[]): {
  readonly latest: BundledRuleset | undefined;
  readonly previous: BundledRuleset | undefined;
} {
  for (const r of rulesets) {
    const versions = rulesets.filter((x) => x.id === r.id);
    if (versions.length > 1) return { latest: versions[versions.length - 1], previous: versions[versions.length - 2] };
  }
  const last = rulesets[rulesets.length - 1];
  return { latest: last, previous: undefined };
}

export function bundledRuleset(ref: string): BundledRuleset | undefined {
  return BUNDLED_RULESETS.find((r) => r.ref === ref);
}

export const SAMPLE_PLATFORMS: ReadonlyMap<string, readonly PlatformInput[]> = (() => {
  const byRuleset = new Map<string, PlatformInput[]>();
  for (const [file, text] of Object.entries(platformFiles).sort(([a], [b]) => a.localeCompare(b))) {
    const m = /rulesets\/([^/]+)\/platforms\/([^/]+)\.(ya?ml|json)$/.exec(file);
    if (!m) continue;
    const id = m[1] ?? '';
    const stem = m[2] ?? file;
    try {
      const p = readEvidence(String(text), `sample:${id}/${stem}`, 'sample', stem);
      const list = byRuleset.get(id) ?? [];
      list.push(p);
      byRuleset.set(id, list);
    } catch {
      // A broken sample is a repository bug; the CLI tests catch it. Skip it here.
    }
  }
  return byRuleset;
})();

/** Sample platforms for a ruleset id (all samples when the id is unknown). */
export function samplesFor(rulesetId: string | undefined): readonly PlatformInput[] {
  if (rulesetId !== undefined) {
    const hit = SAMPLE_PLATFORMS.get(rulesetId);
    if (hit) return hit;
  }
  return [...SAMPLE_PLATFORMS.values()].flat();
}
