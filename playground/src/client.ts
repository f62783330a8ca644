// The page's handle on the analysis worker: numbered requests, newest-wins delivery.
// In: requests from the page. Out: callbacks/promises with the newest answer of each kind.

import type { Analysis, Comparison, Request, Response } from './protocol';
import AssayWorker from './worker/assay.worker?worker';

type Pending<T> = { seq: number; resolve: (v: T) => void; reject: (e: Error) => void };

export class AssayClient {
  private readonly worker: Worker;
  private seq = 0;
  private latestAnalysis = 0;
  private format: Pending<string | null> | undefined;
  private comparison: Pending<Comparison> | undefined;
  private readonly sentAt = new Map<number, number>();

  constructor(
    private readonly onAnalysis: (a: Analysis, roundTripMs: number) => void,
    private readonly onFailure: (message: string) => void,
  ) {
    this.worker = new AssayWorker();
    this.worker.onmessage = (e: MessageEvent<Response>) => this.receive(e.data);
    this.worker.onerror = (e) => this.onFailure(e.message || 'worker error');
  }

  analyze(req: Omit<Extract<Request, { type: 'analyze' }>, 'type' | 'seq'>): number {
    const seq = ++this.seq;
    this.latestAnalysis = seq;
    this.sentAt.set(seq, performance.now());
    this.worker.postMessage({ type: 'analyze', seq, ...req } satisfies Request);
    return seq;
  }

  formatText(text: string): Promise<string | null> {
    const seq = ++this.seq;
    this.format?.reject(new Error('superseded'));
    return new Promise((resolve, reject) => {
      this.format = { seq, resolve, reject };
      this.worker.postMessage({ type: 'format', seq, text } satisfies Request);
    });
  }

  compare(req: Omit<Extract<Request, { type: 'compare' }>, 'type' | 'seq'>): Promise<Comparison> {
    const seq = ++this.seq;
    this.comparison?.reject(new Error('superseded'));
    return new Promise((resolve, reject) => {
      this.comparison = { seq, resolve, reject };
      this.worker.postMessage({ type: 'compare', seq, ...req } satisfies Request);
    });
  }

  private receive(r: Response): void {
    switch (r.type) {
      case 'analysis': {
        const sent = this.sentAt.get(r.analysis.seq);
        for (const k of [...this.sentAt.keys()]) if (k <= r.analysis.seq) this.sentAt.delete(k);
        if (r.analysis.seq !== this.latestAnalysis) return;
        this.onAnalysis(r.analysis, sent === undefined ? 0 : performance.now() - sent);
        return;
      }
      case 'formatted':
        if (this.format?.seq === r.seq) {
          this.format.resolve(r.text);
          this.format = undefined;
        }
        return;
      case 'comparison':
        if (this.comparison?.seq === r.comparison.seq) {
          this.comparison.resolve(r.comparison);
          this.comparison = undefined;
        }
        return;
      case 'failed':
        if (this.format?.seq === r.seq) {
          this.format.reject(new Error(r.message));
          this.format = undefined;
        } else if (this.comparison?.seq === r.seq) {
          this.comparison.reject(new Error(r.message));
          this.comparison = undefined;
        } else {
          this.onFailure(r.message);
        }
        return;
    }
  }
}
