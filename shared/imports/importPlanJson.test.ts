import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as comments from '../plan/comments';
import * as actions from '../plan/actions';
import { openPlan } from '../plan/plan';
import { TEST_ACTOR } from '../plan/testing';
import { exportPlan } from '../exports/exportPlan';
import { reportTestPlan } from '../exports/reportTestPlan';
import { ImportFileError } from './importTable';
import { importPlanJson } from './importPlanJson';

function emptyPlan() {
  return openPlan(new Y.Doc(), { actor: TEST_ACTOR });
}

function refusal(fn: () => unknown): ImportFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('JSON import', () => {
  it('gives back the same plan, and exporting it again gives the same file', async () => {
    const test = reportTestPlan({ hostile: true });
    const first = test.snapshot().actions[0]!.id;
    comments.add(test.plan, first, 'Кто отвечает? Kim jogapkär?');
    actions.endorse(test.plan, first, test.snapshot().orgs[0]!.id);
    actions.edit(test.plan, first, { budget: { amount: 12000, currency: 'USD', source: 'ILO' } });
    const snapshot = test.snapshot();
    const file = await exportPlan(snapshot, {
      format: 'json',
      language: 'en',
      today: '2025-06-15',
    });
    const plan = emptyPlan();
    const imported = importPlanJson(plan, file.bytes);
    expect(imported).toEqual(snapshot);
    const again = await exportPlan(imported, {
      format: 'json',
      language: 'en',
      today: '2025-06-15',
    });
    expect(new TextDecoder().decode(again.bytes)).toBe(new TextDecoder().decode(file.bytes));
  });

  it('writes the whole plan in one transaction', async () => {
    const file = await exportPlan(reportTestPlan().snapshot(), {
      format: 'json',
      language: 'en',
      today: '2025-06-15',
    });
    const plan = emptyPlan();
    let transactions = 0;
    plan.doc.on('afterTransaction', () => transactions++);
    importPlanJson(plan, file.bytes);
    expect(transactions).toBe(1);
  });

  it.each([
    ['not JSON', '{', 'not_json', {}],
    ['JSON that is not an export', '{"title":"x"}', 'not_plan_export', {}],
    [
      'an export from a newer Accord',
      '{"format":"accord.plan","formatVersion":99}',
      'newer_format',
      { version: 99 },
    ],
    [
      'a damaged plan',
      '{"format":"accord.plan","formatVersion":1,"meta":{"title":5}}',
      'damaged_plan',
      { reason: expect.stringContaining('meta') as unknown },
    ],
  ])('refuses %s with the code %2$s and writes nothing', (_what, text, code, details) => {
    const plan = emptyPlan();
    const error = refusal(() => importPlanJson(plan, new TextEncoder().encode(text)));
    expect(error).toMatchObject({ code, details });
    expect(error.message).not.toBe('');
    expect(plan.doc.getMap('meta').size).toBe(0);
  });

  it('refuses to import over an existing plan', async () => {
    const test = reportTestPlan();
    const file = await exportPlan(test.snapshot(), {
      format: 'json',
      language: 'en',
      today: '2025-06-15',
    });
    expect(refusal(() => importPlanJson(test.plan, file.bytes))).toMatchObject({
      code: 'not_empty',
      message: expect.stringMatching(/new, empty document/) as unknown,
    });
  });
});
