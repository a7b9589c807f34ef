import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { exportJson } from '../../shared/exports/exportJson';
import { reportTestPlan } from '../../shared/exports/reportTestPlan';
import { ImportFileError } from '../../shared/imports/importFileError';
import { snapshotOf } from '../../shared/plan/snapshot';
import { TEST_ACTOR } from '../../shared/plan/testing';
import { asCopy, planJsonProblem, planState, readPlanFile } from './planJsonImport';

const snapshot = reportTestPlan({ hostile: true }).snapshot();
const exported = exportJson(snapshot, '2025-06-15T09:00:00.000Z');
const text = (value: string) => new TextEncoder().encode(value);

async function refusal(bytes: Uint8Array): Promise<unknown> {
  try {
    await readPlanFile(bytes);
  } catch (error) {
    return error;
  }
  throw new Error('the file was accepted');
}

describe('a plan from its JSON export', () => {
  it('stores the same plan: its document state gives back the exported snapshot', async () => {
    const read = await readPlanFile(exported);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, planState(read, TEST_ACTOR));
    expect(snapshotOf(doc)).toEqual(snapshot);
  });

  it('makes a copy with its own id and title, and the same content', async () => {
    const copy = asCopy(await readPlanFile(exported), 'copy-id', 'Plan (copy)');
    expect(copy.meta).toMatchObject({ id: 'copy-id', title: 'Plan (copy)' });
    expect(copy.actions).toEqual(snapshot.actions);
  });

  const exportWith = (changes: object) =>
    text(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(exported)), ...changes }));
  const meta = JSON.parse(new TextDecoder().decode(exported)).meta as object;

  it.each([
    ['not JSON', text('Ref,Action\n1,A'), 'not_json', 'notJson'],
    [
      'JSON of something else',
      text('{"name":"package","version":"1.0.0"}'),
      'not_plan_export',
      'notPlan',
    ],
    ['a newer format', exportWith({ formatVersion: 99 }), 'newer_format', 'newer'],
    [
      'a newer schema',
      exportWith({ meta: { ...meta, schemaVersion: 99 } }),
      'newer_schema',
      'newer',
    ],
    ['a damaged plan', exportWith({ actions: 'x' }), 'damaged_plan', 'damaged'],
  ] as const)('names why it refuses %s from the code', async (_, bytes, code, expected) => {
    const error = await refusal(bytes);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe(code);
    expect(planJsonProblem(error)).toBe(expected);
  });

  it('reads the code, never the English message', () => {
    const problem = (code: ImportFileError['code']) =>
      planJsonProblem(new ImportFileError(code, 'not JSON, not an Accord plan export, newer'));
    expect(
      (
        ['not_json', 'not_plan_export', 'newer_format', 'newer_schema', 'damaged_plan'] as const
      ).map(problem),
    ).toEqual(['notJson', 'notPlan', 'newer', 'newer', 'damaged']);
  });

  it('leaves other errors to the caller', () => {
    expect(planJsonProblem(new Error('disk full'))).toBeNull();
  });
});
