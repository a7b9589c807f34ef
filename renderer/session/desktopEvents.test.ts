import { describe, expect, it } from 'vitest';
import { httpOrigin } from './desktopEvents';

describe('httpOrigin', () => {
  it.each([
    ['wss://accord.example.org/sync', 'https://accord.example.org'],
    ['ws://192.168.1.20:8787', 'http://192.168.1.20:8787'],
    ['https://accord.example.org', 'https://accord.example.org'],
  ])('%s → %s', (input, expected) => {
    expect(httpOrigin(input)).toBe(expected);
  });
});
