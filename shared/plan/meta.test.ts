import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as meta from './meta';
import { openPlan } from './plan';
import { snapshotOf } from './snapshot';
import { TestPlan } from './testing';

describe('plan meta', () => {
  it('initialises a plan with its schema version and defaults', () => {
    const test = TestPlan.empty();
    expect(test.snapshot().meta).toEqual({
      schemaVersion: 3,
      id: 'plan-1',
      title: 'National action plan on decent work',
      summary: '',
      country: '',
      period: { start: '2021-01-01', end: '2025-12-31' },
      languages: ['en', 'ru', 'tk'],
      frameworks: ['hrap-tm-2021', 'sdg8'],
      createdAt: '2025-06-15T09:00:00.000Z',
    });
  });

  it('refuses to initialise twice', () => {
    const test = TestPlan.empty();
    expect(() => meta.initialise(test.plan, { id: 'x', title: 'Again' })).toThrow(/already set up/);
  });

  it('edits title, summary, country, period, languages and frameworks in use', () => {
    const test = TestPlan.empty();
    meta.setTitle(test.plan, 'Joint action plan');
    meta.setSummary(test.plan, 'Decent work for all');
    meta.setCountry(test.plan, 'Turkmenistan');
    meta.setPeriod(test.plan, { start: '2021-04-16', end: '2025-12-31' });
    meta.setLanguages(test.plan, ['ru', 'tk']);
    meta.useFramework(test.plan, 'ungp', true);
    meta.useFramework(test.plan, 'hrap-tm-2021', false);
    expect(test.snapshot().meta).toMatchObject({
      title: 'Joint action plan',
      summary: 'Decent work for all',
      country: 'Turkmenistan',
      period: { start: '2021-04-16', end: '2025-12-31' },
      languages: ['ru', 'tk'],
      frameworks: ['sdg8', 'ungp'],
    });
  });

  it.each([
    [
      () => meta.setPeriod(TestPlan.empty().plan, { start: '2025-01-01', end: '2024-01-01' }),
      /starts .* after it ends/,
    ],
    [() => meta.setLanguages(TestPlan.empty().plan, []), /at least one language/],
    [() => meta.setLanguages(TestPlan.empty().plan, ['de' as never]), /language must be one of/],
    [() => meta.setTitle(TestPlan.empty().plan, ''), /must not be empty/],
  ])('refuses bad input (%#)', (run, message) => {
    expect(run).toThrow(message);
  });

  it('reads an uninitialised doc as an empty plan', () => {
    const doc = new Y.Doc();
    openPlan(doc, { actor: { id: 'x', name: 'x' } });
    expect(snapshotOf(doc).meta).toMatchObject({
      id: '',
      title: '',
      period: null,
      languages: ['en'],
    });
  });
});
