import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { crc32 } from './crc32';

it.each(['', 'a', 'Accord', 'Türkmenistan — план действий', 'x'.repeat(1000)])(
  'checksums %j with standard CRC-32',
  (text) => {
    const bytes = new TextEncoder().encode(text);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  },
);

it('matches zlib for any bytes at any offset', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat(7), (bytes, offset) => {
      const view = bytes.subarray(Math.min(offset, bytes.length));
      expect(crc32(view)).toBe(zlibCrc32(view));
    }),
    { numRuns: 300 },
  );
});
