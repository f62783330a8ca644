// The page's handles on the analysis workers: numbered requests, newest-wins delivery.
// In: requests from the page. Out: callbacks/promises with the newest answer of each kind. Analysis and
// formatting share one fast worker; comparisons, plan searches (seconds) and documents each get their own worker,
// terminated and restarted when a newer request supersedes a running one, so typing never waits on them.
// A watchdog ends the fast worker and starts a new one when it answers nothing for longer than a time budget.

import { AnalysisReceiver } from './analysis-delta';
import type { Analysis, Comparison, DocumentResult, EvidenceCheckResult, PlanResult, Request, Response } from './protocol';
import AssayWorker from './worker/assay.worker?worker';

type Pending<T> = { seq: number; resolve: (v: T) => void; reject: (e: Error) => void };

let seqCounter = 0;
const nextSeq = (): number => ++seqCounter;

/** A worker for one kind of slow job: one job at a time; a new job cancels the running one. */
class Lane<T> {
  private worker: Worker | undefined;
  private pending: Pending<T> | undefined;

  constructor(private readonly pick: (r: Response) => T | undefined) {}

  /** Stops the running job, if any (its promise rejects with `superseded`). */
  cancel(): boolean {
    if (!this.pending) return false;
    // The only way to stop synchronous work in a worker is to end it.
    this.worker?.terminate();
    this.worker = undefined;
    this.pending.reject(new Error('superseded'));
    this.pending = undefined;
    return true;
  }

  run(req: Request): Promise<T> {
    this.cancel();
    const w = (this.worker ??= this.spawn());
    return new Promise<T>((resolve, reject) => {
      this.pending = { seq: req.seq, resolve, reject };
      w.postMessage(req);
    });
  }

  private spawn(): Worker {
    const w = new AssayWorker();
    w.onmessage = (e: MessageEvent<Response>) => {
      const p = this.pending;
      if (!p) return;
      const r = e.data;
      if (r.type === 'failed') {
        if (r.seq !== p.seq) return;
        this.pending = undefined;
        p.reject(new Error(r.message));
        return;
      }
      const value = this.pick(r);
      if (value === undefined) return;
      this.pending = undefined;
      p.resolve(value);
    };
    w.onerror = (e) => {
      const p = this.pending;
      this.pending = undefined;
      p?.reject(new Error(e.message || 'worker error'));
    };
    return w;
  }
}

/** How long the fast worker may go without answering (a 2,000-indicator ruleset takes about 1.5 s here). */
export const ANALYSIS_BUDGET_MS = 15_000;

/** What the watchdog stopped: the newest analysis asked for, and how long the worker had been silent. */
export interface Stalled {
  readonly seq: number;
  readonly ms: number;
}

export class AssayClient {
  private worker: Worker;
  private latestAnalysis = 0;
  /** When the oldest request still unanswered by the fast worker was sent, and its watchdog timer. */
  private waitingSince: number | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private format: Pending<string | null> | undefined;
  private readonly sentAt = new Map<number, number>();
  private readonly compareLane = new Lane<Comparison>((r) => (r.type === 'comparison' ? r.comparison : undefined));
  private readonly planLane = new Lane<PlanResult>((r) => (r.type === 'plan' ? r.plan : undefined));
  private readonly documentLane = new Lane<DocumentResult>((r) => (r.type === 'document' ? r.document : undefined));
  private readonly evidenceLane = new Lane<EvidenceCheckResult>((r) => (r.type === 'evidence' ? r.check : undefined));

  constructor(
    private readonly onAnalysis: (a: Analysis, roundTripMs: number) => void,
    private readonly onFailure: (message: string) => void,
    private readonly onStalled: (s: Stalled) => void,
    private budgetMs = ANALYSIS_BUDGET_MS,
  ) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new AssayWorker();
    w.onmessage = (e: MessageEvent<Response>) => this.receive(e.data);
    w.onerror = (e) => this.onFailure(e.message || 'worker error');
    return w;
  }

  /** Sends a request to the fast worker and starts the watchdog if it is not already waiting. */
  private send(req: Request): void {
    this.worker.postMessage(req);
    if (this.waitingSince !== undefined) return;
    this.waitingSince = performance.now();
    this.watchdog = setTimeout(() => this.stall(), this.budgetMs);
  }

  /** The worker answered: it is alive. The watchdog restarts only if answers are still due. */
  private answered(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.waitingSince = undefined;
    // `sentAt` holds the analyses still unanswered (an answer settles every older one: newest wins).
    if (this.sentAt.size > 0 || this.format) {
      this.waitingSince = performance.now();
      this.watchdog = setTimeout(() => this.stall(), this.budgetMs);
    }
  }

  /** Ends the silent worker (the only way to stop synchronous work in it) and starts a fresh one. */
  private stall(): void {
    const ms = this.waitingSince === undefined ? this.budgetMs : performance.now() - this.waitingSince;
    this.watchdog = undefined;
    this.waitingSince = undefined;
    this.worker.terminate();
    this.worker = this.spawn();
    this.receiver = new AnalysisReceiver();
    this.sentAt.clear();
    this.format?.reject(new Error('stopped'));
    this.format = undefined;
    this.onStalled({ seq: this.latestAnalysis, ms });
  }

  /** The watchdog's budget (ms); a slow but finite analysis asked for again gets a longer one. */
  get budget(): number {
    return this.budgetMs;
  }

  set budget(ms: number) {
    this.budgetMs = ms;
  }

  analyze(req: Omit<Extract<Request, { type: 'analyze' }>, 'type' | 'seq'>): number {
    const seq = nextSeq();
    this.latestAnalysis = seq;
    this.sentAt.set(seq, performance.now());
    this.send({ type: 'analyze', seq, ...req } satisfies Request);
    return seq;
  }

  formatText(text: string): Promise<string | null> {
    const seq = nextSeq();
    this.format?.reject(new Error('superseded'));
    return new Promise((resolve, reject) => {
      this.format = { seq, resolve, reject };
      this.send({ type: 'format', seq, text } satisfies Request);
    });
  }

  compare(req: Omit<Extract<Request, { type: 'compare' }>, 'type' | 'seq'>): Promise<Comparison> {
    return this.compareLane.run({ type: 'compare', seq: nextSeq(), ...req });
  }

  plan(req: Omit<Extract<Request, { type: 'plan' }>, 'type' | 'seq'>): Promise<PlanResult> {
    return this.planLane.run({ type: 'plan', seq: nextSeq(), ...req });
  }

  /** The standard as a document (its own worker, started on first use; a newer request supersedes a running one). */
  document(req: Omit<Extract<Request, { type: 'document' }>, 'type' | 'seq'>): Promise<DocumentResult> {
    return this.documentLane.run({ type: 'document', seq: nextSeq(), ...req });
  }

  /** Evidence checked against the ruleset's schema (its own worker; a newer request supersedes a running one). */
  checkEvidence(req: Omit<Extract<Request, { type: 'evidence' }>, 'type' | 'seq'>): Promise<EvidenceCheckResult> {
    return this.evidenceLane.run({ type: 'evidence', seq: nextSeq(), ...req });
  }

  /** Stops a running plan search (typing resumed: the CPU goes to the analysis). */
  cancelPlan(): boolean {
    return this.planLane.cancel();
  }

  /** What the fast worker sent last and leaves out when unchanged (schema, symbols, explanation lines). */
  private receiver = new AnalysisReceiver();

  private receive(r: Response): void {
    switch (r.type) {
      case 'analysis': {
        const analysis = this.receiver.restore(r.analysis);
        const sent = this.sentAt.get(analysis.seq);
        for (const k of [...this.sentAt.keys()]) if (k <= analysis.seq) this.sentAt.delete(k);
        this.answered();
        if (analysis.seq !== this.latestAnalysis) return;
        this.onAnalysis(analysis, sent === undefined ? 0 : performance.now() - sent);
        return;
      }
      case 'formatted':
        if (this.format?.seq === r.seq) {
          this.format.resolve(r.text);
          this.format = undefined;
        }
        this.answered();
        return;
      case 'comparison':
      case 'plan':
      case 'document':
      case 'evidence':
        return;
      case 'failed':
        for (const k of [...this.sentAt.keys()]) if (k <= r.seq) this.sentAt.delete(k);
        if (this.format?.seq === r.seq) {
          this.format.reject(new Error(r.message));
          this.format = undefined;
        } else {
          this.onFailure(r.message);
        }
        this.answered();
        return;
    }
  }
}
