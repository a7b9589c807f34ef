import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dejaVuSans, dejaVuSansBold } from './dejaVuSans';

describe('embedded fonts', () => {
  it.each([
    ['DejaVuSans.ttf', dejaVuSans],
    ['DejaVuSans-Bold.ttf', dejaVuSansBold],
  ])('the base64 module holds %s byte for byte', (file, base64) => {
    const bytes = readFileSync(new URL(file, import.meta.url));
    expect(base64).toBe(bytes.toString('base64'));
  });
});
