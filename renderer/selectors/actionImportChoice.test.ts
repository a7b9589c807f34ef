import { describe, expect, it } from 'vitest';
import { readImportTable } from '../../shared/imports/importTable';
import { previewActionImport } from '../../shared/imports/previewActionImport';
import * as organisations from '../../shared/plan/organisations';
import { TestPlan } from '../../shared/plan/testing';
import {
  confirmActionImport,
  importableRows,
  NO_DECLINES,
  remap,
  rowVerdict,
  tableFileProblem,
  type ImportChoices,
} from './actionImportChoice';

const FILE = [
  'Ref,Action,Lead organisation,Deadline',
  '1.1,Train labour inspectors,Ministry of Labour,2025-12-31',
  '1.2,Survey employers,Chamber of Commerce,2025-10-01',
  '1.3,Publish guidance,Trade Union Centre,2025-11-01',
  '1.4,Hold hearings,Ministry of Labour,31.02.2025',
].join('\n');

async function setUp() {
  const test = TestPlan.empty({ idPrefix: 'imp-' });
  organisations.create(test.plan, { name: 'Ministry of Labour', kind: 'government' });
  const table = await readImportTable(new TextEncoder().encode(FILE), 'csv');
  return { test, preview: previewActionImport(test.snapshot(), table) };
}

const declining = (name: string): ImportChoices => ({
  declinedOrganisations: new Set([name.toLowerCase()]),
  declinedObjectives: new Set(),
});

describe('the rows an import dialog offers', () => {
  it('tells ready rows, rows that create an organisation, and blocked rows apart', async () => {
    const { preview } = await setUp();
    expect(preview.rows.map((row) => rowVerdict(row, NO_DECLINES))).toEqual([
      'ok',
      'creates',
      'creates',
      'blocked',
    ]);
    expect(preview.rows.map((row) => rowVerdict(row, declining('Chamber of Commerce')))).toEqual([
      'ok',
      'blocked',
      'creates',
      'blocked',
    ]);
  });

  it('keeps only the importable rows, with their lines', async () => {
    const { preview } = await setUp();
    const rows = importableRows(preview, declining('Chamber of Commerce'));
    expect(rows.table.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(rows).toMatchObject({ importable: 2, skipped: 2 });
  });
});

describe('confirming an import', () => {
  it('writes the valid rows in one transaction and creates only the agreed organisations', async () => {
    const { test, preview } = await setUp();
    let transactions = 0;
    test.plan.doc.on('afterTransaction', (transaction) => {
      if (transaction.origin === test.plan.origin) transactions++;
    });
    const summary = confirmActionImport(test.plan, preview, declining('Chamber of Commerce'), true);
    expect(summary).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      organisationsCreated: 1,
      objectivesCreated: 0,
      skipped: 2,
    });
    expect(transactions).toBe(1);
    const snapshot = test.snapshot();
    expect(snapshot.actions.map((action) => action.title).sort()).toEqual([
      'Publish guidance',
      'Train labour inspectors',
    ]);
    expect(snapshot.orgs.map((org) => org.name).sort()).toEqual([
      'Ministry of Labour',
      'Trade Union Centre',
    ]);
  });

  it('writes nothing when rows have problems and the user did not choose to skip them', async () => {
    const { test, preview } = await setUp();
    const before = test.snapshot();
    expect(() => confirmActionImport(test.plan, preview, NO_DECLINES, false)).toThrow();
    expect(test.snapshot()).toEqual(before);
  });
});

describe('choosing the plan field of a column', () => {
  it.each([
    [['ref', 'title', null], 2, 'title', ['ref', null, 'title']],
    [['ref', 'title', null], 0, null, [null, 'title', null]],
    [['ref', 'title', 'lead'], 2, 'deadline', ['ref', 'title', 'deadline']],
  ] as const)('%j, column %i to %s gives %j', (mapping, index, field, expected) => {
    expect(remap(mapping, index, field)).toEqual(expected);
  });
});

describe('files that cannot be an action table', () => {
  const text = new TextEncoder().encode('Ref,Action\n1,A\n');
  const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
  const binary = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]);
  it.each([
    ['actions.csv', text, null],
    ['actions.CSV', text, null],
    ['actions.xlsx', zip, null],
    ['actions', zip, null],
    ['actions.xlsx', text, 'notTable'],
    ['actions.csv', zip, 'notTable'],
    ['report.pdf', binary, 'notTable'],
    ['actions.csv', binary, 'notTable'],
    ['plan.json', text, 'notTable'],
    ['actions.csv', new Uint8Array(), 'empty'],
    ['actions.csv', new Uint8Array(2000), 'tooLarge'],
  ] as const)('%s (%j) → %s', (name, bytes, expected) => {
    expect(tableFileProblem(name, bytes, 1000)).toBe(expected);
  });
});
