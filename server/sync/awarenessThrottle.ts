// Presence broadcasts of one plan ([S17]): a change in a quiet room goes out at once (after this turn's
// other frames); under a storm, at most one broadcast per `flushMs` carries every change since the
// last one, so an awareness storm costs one send per peer per flush, not one per peer per client.
export class AwarenessThrottle {
  private readonly changed = new Set<number>();
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  /** when presence was last broadcast (performance.now()) */
  private flushedAt = -Infinity;

  constructor(
    private readonly flushMs: number,
    private readonly broadcast: (clientIds: number[]) => void,
  ) {}

  add(clientIds: Iterable<number>): void {
    for (const id of clientIds) this.changed.add(id);
    if (this.timer) return;
    const wait = this.flushedAt + this.flushMs - performance.now();
    this.timer = wait > 0 ? setTimeout(this.flush, wait) : setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.timer = null;
    this.flushedAt = performance.now();
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed.clear();
    this.broadcast(ids);
  };

  destroy(): void {
    if (!this.timer) return;
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = null;
  }
}
