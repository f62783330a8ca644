// The page's handle on the corpus worker: numbered requests, the newest answer of each kind delivered.
// In: corpus files and texts to evaluate. Out: callbacks with `Loaded`, `Distribution` and `Causes` answers
// (older answers dropped). The worker is started on first use: a page without a corpus runs none.

import type { Lang } from '../../dsl/index';
import type { Causes, CorpusFile, CorpusRequest, CorpusResponse, Distribution, Loaded } from './distribution-protocol';
import CorpusWorker from './worker/corpus.worker?worker';

export interface CorpusListener {
  loaded(l: Loaded): void;
  distribution(d: Distribution): void;
  causes(c: Causes): void;
  failed(message: string): void;
}

export class CorpusClient {
  private worker: Worker | undefined;
  private seq = 0;
  private readonly newest = new Map<CorpusRequest['type'], number>();

  constructor(private readonly listener: CorpusListener) {}

  private send(req: CorpusRequest): number {
    this.newest.set(req.type, req.seq);
    (this.worker ??= this.spawn()).postMessage(req);
    return req.seq;
  }

  private spawn(): Worker {
    const w = new CorpusWorker();
    w.onmessage = (e: MessageEvent<CorpusResponse>) => this.receive(e.data);
    w.onerror = (e) => this.listener.failed(e.message || 'worker error');
    return w;
  }

  load(files: readonly CorpusFile[]): number {
    return this.send({ type: 'load', seq: ++this.seq, files });
  }

  evaluate(before: string, after: string, lang: Lang): number {
    return this.send({ type: 'evaluate', seq: ++this.seq, before, after, lang });
  }

  causes(before: string, after: string, lang: Lang, indices: readonly number[]): number {
    return this.send({ type: 'causes', seq: ++this.seq, before, after, lang, indices });
  }

  private receive(r: CorpusResponse): void {
    switch (r.type) {
      case 'loaded':
        if (r.loaded.seq === this.newest.get('load')) this.listener.loaded(r.loaded);
        return;
      case 'distribution':
        if (r.distribution.seq === this.newest.get('evaluate')) this.listener.distribution(r.distribution);
        return;
      case 'causes':
        if (r.causes.seq === this.newest.get('causes')) this.listener.causes(r.causes);
        return;
      case 'failed':
        this.listener.failed(r.message);
        return;
    }
  }
}
