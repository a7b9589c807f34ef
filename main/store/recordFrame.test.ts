import { describe, expect, it } from 'vitest';
import { RECORD_HEADER_BYTES, decodeRecords, encodeRecord } from './recordFrame';

const payloads = [Uint8Array.of(1), Uint8Array.of(2, 3, 4), new Uint8Array(300).fill(7)];
const log = Buffer.concat(payloads.map((payload) => encodeRecord(payload)));
const recordEnds = payloads.reduce<number[]>(
  (ends, payload) => [...ends, (ends.at(-1) ?? 0) + RECORD_HEADER_BYTES + payload.byteLength],
  [],
);

describe('record frames', () => {
  it('reads back every record written', () => {
    const decoded = decodeRecords(log);
    expect(decoded.payloads).toEqual(payloads);
    expect(decoded.validLength).toBe(log.byteLength);
  });

  it('[L2] keeps exactly the complete records when the log is cut at any byte', () => {
    for (let cut = 0; cut <= log.byteLength; cut += 1) {
      const decoded = decodeRecords(log.subarray(0, cut));
      const complete = recordEnds.filter((end) => end <= cut);
      expect(decoded.payloads).toEqual(payloads.slice(0, complete.length));
      expect(decoded.validLength).toBe(complete.at(-1) ?? 0);
    }
  });

  it('[L2] drops the damaged record and everything after it when any byte is flipped', () => {
    for (let at = 0; at < log.byteLength; at += 1) {
      const damaged = Buffer.from(log);
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      const firstDamaged = recordEnds.findIndex((end) => at < end);
      const decoded = decodeRecords(damaged);
      expect(decoded.payloads).toEqual(payloads.slice(0, firstDamaged));
    }
  });

  it('[L2] reads a zero-filled tail as damage, not as empty records', () => {
    const decoded = decodeRecords(Buffer.concat([log, Buffer.alloc(64)]));
    expect(decoded.payloads).toEqual(payloads);
    expect(decoded.validLength).toBe(log.byteLength);
  });

  it('refuses to frame an empty record', () => {
    expect(() => encodeRecord(new Uint8Array(0))).toThrow(/empty/);
  });

  it('treats an absurd length field as damage instead of allocating it', () => {
    const header = Buffer.alloc(RECORD_HEADER_BYTES);
    header.writeUInt32LE(0xffffffff, 0);
    expect(decodeRecords(Buffer.concat([log, header])).validLength).toBe(log.byteLength);
  });
});
