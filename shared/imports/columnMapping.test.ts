import { describe, expect, it } from 'vitest';
import { recogniseHeader } from './columnMapping';

describe('recogniseHeader: what people head their own trackers with', () => {
  it.each([
    ['Lead Org.', 'lead'],
    ['Lead organisation:', 'lead'],
    ['% complete', 'progress'],
    ['Percent complete', 'progress'],
    ['% выполнения', 'progress'],
    ['Deadline.', 'deadline'],
  ])('maps %j to %s', (header, field) => {
    expect(recogniseHeader([header])).toEqual([field]);
  });
});
