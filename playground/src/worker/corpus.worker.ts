// The corpus worker: holds a corpus of platforms (never leaves the browser) and computes its level distribution
// under two texts of a ruleset, and the causes of moves. In: `CorpusRequest` messages. Out: `CorpusResponse`
// messages; bursts are coalesced (only the newest request of each kind is answered), a distribution before causes.

import type { CorpusRequest, CorpusResponse } from '../distribution-protocol';
import { CorpusEvaluator } from './corpus-eval';
import { readCorpus } from './corpus-read';
import { serveNewest } from './latest';

const scope = self as unknown as {
  postMessage(m: CorpusResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<CorpusRequest>) => void) | null;
};

const evaluator = new CorpusEvaluator();

function run(req: CorpusRequest): void {
  try {
    switch (req.type) {
      case 'load': {
        const t0 = performance.now();
        const read = readCorpus(req.files);
        evaluator.setCorpus(read.platforms, read.files);
        const ids = read.platforms.map((p) => p.platform);
        scope.postMessage({ type: 'loaded', loaded: { seq: req.seq, ids, errors: read.errors, ms: performance.now() - t0 } });
        return;
      }
      case 'evaluate': {
        const { result, transfer } = evaluator.distribution(req.seq, req.before, req.after, req.lang);
        scope.postMessage({ type: 'distribution', distribution: result }, transfer);
        return;
      }
      case 'causes':
        scope.postMessage({ type: 'causes', causes: evaluator.causes(req.seq, req.before, req.after, req.lang, req.indices) });
        return;
    }
  } catch (e) {
    scope.postMessage({ type: 'failed', seq: req.seq, message: e instanceof Error ? e.message : String(e) });
  }
}

// A distribution before causes.
serveNewest(scope, { load: 0, evaluate: 1, causes: 2 }, run);
