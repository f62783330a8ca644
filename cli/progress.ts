// A progress bar on stderr for long runs over many platforms (report, impact): only when stderr is a terminal,
// never in pipes, files or CI logs. In: the stream to draw on, the total, then counts as they grow. Out: one line,
// redrawn in place at most every 100 ms, ended with a newline when the count reaches the total.

/** Runs over fewer platforms than this finish too fast to need a bar. */
export const PROGRESS_FROM = 8;
const WIDTH = 30;
const EVERY_MS = 100;

export interface ProgressSink {
  readonly isTTY?: boolean;
  write(s: string): unknown;
}

/** A function to call with the count done; draws nothing unless `sink` is a terminal and `total` is large enough. */
export function progressBar(sink: ProgressSink, total: number, enabled = true): (done: number) => void {
  if (!enabled || !sink.isTTY || total < PROGRESS_FROM) return () => {};
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done < total && now - last < EVERY_MS) return;
    last = now;
    const filled = Math.round((WIDTH * done) / total);
    sink.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`);
  };
}
