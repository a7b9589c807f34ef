// How many per-connection log lines (refusals, bad frames) a flood may cause. Writes to stdout are
// synchronous in Node when it is a pipe or a file, so thousands of lines a second from a flood
// would stall the event loop behind a slow reader (measured: multi-second stalls in the flood
// benchmark). At most `burst` lines, refilled at `perSecond`; the next line that passes says how
// many were left out. Counters in /metrics still count every refusal.
import { TokenBucket } from './tokenBucket';

/** Lines a second, and saved up, across every connection of the server. */
const LINES_PER_SECOND = 20;
const LINES_BURST = 100;

export class LogBudget {
  private readonly lines = new TokenBucket(LINES_PER_SECOND, LINES_BURST);
  private leftOut = 0;

  /** Calls `write` with the number of lines left out since the last one, if the budget allows. */
  line(write: (leftOut: number) => void): void {
    if (!this.lines.take()) {
      this.leftOut += 1;
      return;
    }
    const leftOut = this.leftOut;
    this.leftOut = 0;
    write(leftOut);
  }
}
