import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';

describe('metrics', () => {
  it('keep the first server names, and add process metrics and the event loop delay', async () => {
    const metrics = new Metrics();
    metrics.rejected.add(2, { reason: 'malformed' });
    metrics.connections.add(1);
    metrics.storeLatency.observe(0.002);
    const text = await metrics.render();
    expect(text).toContain('accord_rejected_messages_total{reason="malformed"} 2');
    expect(text).toContain('accord_connections 1');
    expect(text).toContain('accord_store_latency_seconds_bucket{le="0.0025"} 1');
    expect(text).toMatch(/^accord_process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    expect(metrics.rejected.get({ reason: 'malformed' })).toBe(2);
  });
});
