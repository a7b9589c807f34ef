// The server's metrics on prom-client, in Prometheus text exposition: its own counters, gauges and
// store-latency histogram (names unchanged since the first server), plus prom-client's default
// process metrics (CPU, memory, handles, GC) and the event loop's delay (nodejs_eventloop_lag_*).
// One registry per server, so servers started side by side in one process (tests) stay apart.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

type Labels = Readonly<Record<string, string>>;

/** A counter or gauge as the rest of the server uses it: add, set, read. */
class Series {
  private readonly metric: Counter | Gauge;
  /** prom-client reads values asynchronously (its collect hooks); callers read synchronously */
  private readonly values = new Map<string, number>();

  constructor(
    registry: Registry,
    readonly name: string,
    help: string,
    kind: 'counter' | 'gauge',
    labelNames: readonly string[] = [],
  ) {
    const options = { name, help, labelNames, registers: [registry] };
    this.metric = kind === 'counter' ? new Counter(options) : new Gauge(options);
  }

  add(amount = 1, labels: Labels = {}): void {
    this.metric.inc(labels, amount);
    const key = JSON.stringify(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + amount);
  }

  /** Gauges only. */
  set(value: number, labels: Labels = {}): void {
    if (this.metric instanceof Gauge) this.metric.set(labels, value);
    this.values.set(JSON.stringify(labels), value);
  }

  get(labels: Labels = {}): number {
    return this.values.get(JSON.stringify(labels)) ?? 0;
  }
}

/** Upper bounds in seconds of the store-latency histogram. */
const STORE_LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** Every metric the server exports. Rates (updates/s, bytes/s) are `rate()` over the counters. */
export class Metrics {
  private readonly registry = new Registry();
  readonly contentType = this.registry.contentType;

  readonly connections = new Series(
    this.registry,
    'accord_connections',
    'Open sync connections.',
    'gauge',
  );
  readonly plansLoaded = new Series(
    this.registry,
    'accord_plans_loaded',
    'Plans loaded in memory.',
    'gauge',
  );
  readonly updates = new Series(
    this.registry,
    'accord_updates_total',
    'Updates accepted and stored durably.',
    'counter',
  );
  readonly updateBytes = new Series(
    this.registry,
    'accord_update_bytes_total',
    'Bytes of updates stored durably.',
    'counter',
  );
  readonly bytesReceived = new Series(
    this.registry,
    'accord_bytes_received_total',
    'Bytes of sync frames received.',
    'counter',
  );
  readonly bytesSent = new Series(
    this.registry,
    'accord_bytes_sent_total',
    'Bytes of sync frames sent.',
    'counter',
  );
  readonly messagesReceived = new Series(
    this.registry,
    'accord_messages_received_total',
    'Sync frames received.',
    'counter',
  );
  readonly rejected = new Series(
    this.registry,
    'accord_rejected_messages_total',
    'Frames (or presence entries) refused, by reason (malformed, unknown_type, oversized, rate_limited, viewer_edit, slow_client, foreign_presence).',
    'counter',
    ['reason'],
  );
  readonly refused = new Series(
    this.registry,
    'accord_connections_refused_total',
    'Connection attempts refused, by reason.',
    'counter',
    ['reason'],
  );
  readonly compactions = new Series(
    this.registry,
    'accord_compactions_total',
    'Background compactions, by outcome.',
    'counter',
    ['outcome'],
  );
  readonly storeLatency = new Histogram({
    name: 'accord_store_latency_seconds',
    help: 'Time to store a batch of updates durably.',
    buckets: STORE_LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // The first server's own memory gauges, kept for dashboards that read them.
    new Gauge({
      name: 'accord_process_resident_memory_bytes',
      help: 'Resident set size.',
      registers: [this.registry],
      collect() {
        this.set(process.memoryUsage.rss());
      },
    });
    new Gauge({
      name: 'accord_process_heap_used_bytes',
      help: 'V8 heap in use.',
      registers: [this.registry],
      collect() {
        this.set(process.memoryUsage().heapUsed);
      },
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
