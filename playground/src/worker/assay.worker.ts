// The analysis worker: runs the parser, checker, evaluator, explanations, diffs and plan search off the
// page's thread. In: `Request` messages. Out: `Response` messages; bursts are coalesced (only the newest
// request of each kind is answered). The page runs slow work (compare, plans) in separate instances.

import { STRINGS } from '../i18n';
import { AnalysisSender } from '../analysis-delta';
import type { Request, Response } from '../protocol';
import { analyze } from './analyze';
import { compare } from './compare';
import { documentFor } from './document';
import { format } from './engine-bridge';
import { checkEvidence } from './evidence';
import { planFor } from './features';
import { serveNewest } from './latest';

const scope = self as unknown as {
  postMessage(m: Response): void;
  onmessage: ((e: MessageEvent<Request>) => void) | null;
};


function run(req: Request): Response {
  try {
    switch (req.type) {
      case 'analyze':
        return { type: 'analysis', analysis: sender.slim(analyze(req.seq, req.text, req.lang, req.platforms, req.selected, req.staleText), req.text) };
      case 'format':
        return { type: 'formatted', seq: req.seq, text: format(req.text) };
      case 'compare':
        return { type: 'comparison', comparison: compare(req.seq, req.base, req.head, req.lang, req.platforms) };
      case 'evidence':
        return { type: 'evidence', check: checkEvidence(req.seq, req.text, req.lang, req.platforms) };
      case 'document':
        return { type: 'document', document: documentFor(req.seq, req.text, req.against, req.lang, req.format) };
      case 'plan': {
        const p = req.platform;
        const doc = { platform: p.platform, ...(p.name !== undefined ? { name: p.name } : {}), evidence: p.evidence };
        const plan = planFor(req.seq, p.key, req.text, doc, req.lang, req.budget);
        return plan ? { type: 'plan', plan } : { type: 'failed', seq: req.seq, message: STRINGS.planRulesetErrors[req.lang] };
      }
    }
  } catch (e) {
    return { type: 'failed', seq: req.seq, message: e instanceof Error ? `${e.message}` : String(e) };
  }
}

/** What the page already has (the schema, symbols and explanation last sent): not sent again (#16). */
const sender = new AnalysisSender();

// Format first (the user is waiting on it), then analysis, then comparison.
serveNewest(scope, { format: 0, analyze: 1, evidence: 2, compare: 3, document: 4, plan: 5 }, (req) => scope.postMessage(run(req)));
