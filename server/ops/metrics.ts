// Prometheus text exposition (version 0.0.4) of the server's counters, gauges and one latency
// histogram. Small on purpose: a handful of series, no dependency.

type Labels = Readonly<Record<string, string>>;

const labelText = (labels: Labels): string => {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const escape = (value: string) =>
    value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
};

class Series {
  readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly kind: 'counter' | 'gauge',
  ) {}
  add(amount = 1, labels: Labels = {}): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + amount);
  }
  set(value: number, labels: Labels = {}): void {
    this.values.set(labelText(labels), value);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels)) ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.kind}`];
    if (this.values.size === 0 && this.kind === 'gauge') lines.push(`${this.name} 0`);
    for (const [key, value] of this.values) lines.push(`${this.name}${key} ${value}`);
    return lines.join('\n');
  }
}

class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly name: string,
    readonly help: string,
    /** upper bounds in seconds */
    readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }
  observe(seconds: number): void {
    this.sum += seconds;
    this.count += 1;
    this.buckets.forEach((bound, i) => {
      if (seconds <= bound) this.counts[i] = (this.counts[i] ?? 0) + 1;
    });
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    this.buckets.forEach((bound, i) =>
      lines.push(`${this.name}_bucket{le="${bound}"} ${this.counts[i] ?? 0}`),
    );
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`);
    lines.push(`${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return lines.join('\n');
  }
}

/** Every metric the server exports. Rates (updates/s, bytes/s) are `rate()` over the counters. */
export class Metrics {
  readonly connections = new Series('accord_connections', 'Open sync connections.', 'gauge');
  readonly plansLoaded = new Series('accord_plans_loaded', 'Plans loaded in memory.', 'gauge');
  readonly updates = new Series(
    'accord_updates_total',
    'Updates accepted and stored durably.',
    'counter',
  );
  readonly updateBytes = new Series(
    'accord_update_bytes_total',
    'Bytes of updates stored durably.',
    'counter',
  );
  readonly bytesReceived = new Series(
    'accord_bytes_received_total',
    'Bytes of sync frames received.',
    'counter',
  );
  readonly bytesSent = new Series(
    'accord_bytes_sent_total',
    'Bytes of sync frames sent.',
    'counter',
  );
  readonly messagesReceived = new Series(
    'accord_messages_received_total',
    'Sync frames received.',
    'counter',
  );
  readonly rejected = new Series(
    'accord_rejected_messages_total',
    'Frames (or presence entries) refused, by reason (malformed, unknown_type, oversized, rate_limited, viewer_edit, slow_client, foreign_presence).',
    'counter',
  );
  readonly refused = new Series(
    'accord_connections_refused_total',
    'Connection attempts refused, by reason.',
    'counter',
  );
  readonly compactions = new Series(
    'accord_compactions_total',
    'Background compactions, by outcome.',
    'counter',
  );
  readonly storeLatency = new Histogram(
    'accord_store_latency_seconds',
    'Time to store a batch of updates durably.',
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  );

  render(): string {
    const memory = process.memoryUsage();
    const rss = new Series('accord_process_resident_memory_bytes', 'Resident set size.', 'gauge');
    rss.set(memory.rss);
    const heap = new Series('accord_process_heap_used_bytes', 'V8 heap in use.', 'gauge');
    heap.set(memory.heapUsed);
    return (
      [
        this.connections,
        this.plansLoaded,
        this.updates,
        this.updateBytes,
        this.bytesReceived,
        this.bytesSent,
        this.messagesReceived,
        this.rejected,
        this.refused,
        this.compactions,
        this.storeLatency,
        rss,
        heap,
      ]
        .map((metric) => metric.render())
        .join('\n') + '\n'
    );
  }
}
