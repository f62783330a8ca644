// How a worker coalesces bursts: only the newest request of each kind waits, and the waiting kinds are served one at
// a time in a fixed order, back to the message loop between two, so that a newer request replaces an older one.
// In: the worker's scope, the rank of every kind (lower first; a record, so that no kind can be left out and never
// served), and the function serving one request. Out: the scope's onmessage set.

export function serveNewest<Req extends { readonly type: string }>(
  scope: { onmessage: ((e: MessageEvent<Req>) => void) | null },
  rank: { readonly [K in Req['type']]: number },
  serve: (req: Req) => void,
): void {
  const order = (Object.keys(rank) as Req['type'][]).sort((a, b) => rank[a] - rank[b]);
  const pending = new Map<Req['type'], Req>();
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(drain, 0);
  };
  function drain(): void {
    scheduled = false;
    for (const kind of order) {
      const req = pending.get(kind);
      if (!req) continue;
      pending.delete(kind);
      serve(req);
      // Whatever arrived meanwhile (a newer text) is read before the rest is served.
      if (pending.size > 0) schedule();
      return;
    }
  }
  scope.onmessage = (e) => {
    pending.set(e.data.type, e.data);
    schedule();
  };
}
