import { describe, expect, it } from 'vitest';
import { Admission, type AdmissionLimits } from './admission';

const LIMITS: AdmissionLimits = {
  admissionsPerSecond: 10,
  admissionBurst: 6,
  addressAdmissionsPerSecond: 2,
  addressAdmissionBurst: 4,
  maxConnections: 5,
  maxConnectionsPerAddress: 3,
  maxConnectionsPerMember: 2,
  newClientIdsPerSecond: 10,
  newClientIdsPerSecondPerAddress: 1,
};

/** An admission with a clock the test moves. */
function setup() {
  const clock = { ms: 0 };
  return { clock, admission: new Admission(LIMITS, () => clock.ms) };
}

const outcome = (result: ReturnType<Admission['arrive']>) =>
  typeof result === 'function' ? 'admitted' : `${result.status} ${result.reason}`;

describe('admission', () => {
  it('[G8] one address gets its own burst, then must wait; others still get in', () => {
    const { clock, admission } = setup();
    // each leaves at once: only the rate counts here
    const a = Array.from({ length: 5 }, () => {
      const result = admission.arrive('10.0.0.1');
      if (typeof result === 'function') result();
      return outcome(result);
    });
    expect(a).toEqual(['admitted', 'admitted', 'admitted', 'admitted', '503 busy_address']);
    expect(outcome(admission.arrive('10.0.0.2'))).toBe('admitted');
    clock.ms += 500; // one more for the first address
    expect(outcome(admission.arrive('10.0.0.1'))).toBe('admitted');
  });

  it('[G8] connections are capped per address and in all, and counted until they leave', () => {
    const { clock, admission } = setup();
    const open = [1, 2, 3].map(() => admission.arrive('10.0.0.1'));
    expect(outcome(admission.arrive('10.0.0.1'))).toBe('429 too_many_from_address');
    clock.ms += 10_000;
    const more = [admission.arrive('10.0.0.2'), admission.arrive('10.0.0.3')];
    expect(more.map(outcome)).toEqual(['admitted', 'admitted']);
    expect(outcome(admission.arrive('10.0.0.4'))).toBe('503 server_full');
    const first = open[0];
    if (typeof first === 'function') {
      first();
      first(); // leaving twice counts once
    }
    expect(outcome(admission.arrive('10.0.0.4'))).toBe('admitted');
    expect(outcome(admission.arrive('10.0.0.5'))).toBe('503 server_full');
  });

  it('[G8] a member has at most maxConnectionsPerMember connections', () => {
    const { admission } = setup();
    const leave = admission.member('m1');
    expect(admission.member('m1')).toBeDefined();
    expect(admission.member('m1')).toBeUndefined();
    expect(admission.member('m2')).toBeDefined();
    leave?.();
    expect(admission.member('m1')).toBeDefined();
  });

  it('[G8] new client ids draw on the address budget and the server-wide one', () => {
    const { clock, admission } = setup();
    const a = admission.clientIdBudget('10.0.0.1');
    expect(a.take(10)).toBe(true); // a burst of ten seconds' worth
    expect(a.take(1)).toBe(false);
    expect(admission.clientIdBudget('10.0.0.2').take(10)).toBe(true);
    clock.ms += 1_000;
    expect(a.take(1)).toBe(true);
  });
});
