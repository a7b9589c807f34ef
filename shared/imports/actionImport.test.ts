import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { HRAP_FRAMEWORK_ID } from '../frameworks';
import * as customFrameworks from '../plan/customFrameworks';
import { TestPlan } from '../plan/testing';
import { ACTION_COLUMNS } from '../exports/actionColumns';
import { exportPlan } from '../exports/exportPlan';
import { reportContext } from '../exports/reportContext';
import { reportTestPlan } from '../exports/reportTestPlan';
import { applyActionImport, ImportRefused } from './applyActionImport';
import { IMPORT_FIELDS, recogniseHeader } from './columnMapping';
import { readImportTable, type TableKind } from './importTable';
import { previewActionImport } from './previewActionImport';

const today = '2025-06-15';
const confirmAll = { createOrganisations: true, createObjectives: true } as const;

/** An empty plan that knows the national plan's chapters, so links to them can be imported. */
function targetPlan(): TestPlan {
  const test = TestPlan.empty({ idPrefix: 'new-' });
  customFrameworks.create(test.plan, { id: HRAP_FRAMEWORK_ID, name: 'National plan' });
  customFrameworks.addItems(test.plan, HRAP_FRAMEWORK_ID, [
    { code: '1', title: 'Civil and political rights', kind: 'chapter' },
    { code: '2', title: 'Social and economic rights', kind: 'chapter' },
  ]);
  return test;
}

function csv(text: string) {
  return readImportTable(new TextEncoder().encode(text), 'csv');
}

/** What an import can carry over; text without surrounding spaces (the import trims them). */
function importableCells(test: TestPlan, language: 'en' | 'ru' | 'tk') {
  const snapshot = test.snapshot();
  const context = reportContext(snapshot, language, today);
  return snapshot.actions
    .filter((action) => action.deletedAt === null)
    .map((action) =>
      ACTION_COLUMNS.filter((c) => c.importable || c.key === 'light').map((c) => {
        const value = c.value(action, context);
        return typeof value === 'string' ? value.trim() : value;
      }),
    );
}

describe('recognising the export’s own headers', () => {
  it.each(['en', 'ru', 'tk'] as const)(
    'maps every importable column of a %s export',
    (language) => {
      const context = reportContext(reportTestPlan().snapshot(), language, today);
      const headers = ACTION_COLUMNS.map((column) => context.t(`column.${column.key}`));
      const mapping = recogniseHeader(headers);
      expect(mapping.filter((field) => field !== null)).toEqual(IMPORT_FIELDS);
      ACTION_COLUMNS.forEach((column, index) =>
        expect(mapping[index]).toBe(column.importable ? column.key : null),
      );
    },
  );

  it.each([
    ['  DEADLINE ', 'deadline'],
    ['Срок исполнения', 'deadline'],
    ['Выполнение', 'progress'],
    ['Owner', 'lead'],
    ['Action title', 'title'],
    ['Lead org', 'lead'],
    ['Название', 'title'],
    ['Срок', 'deadline'],
    ['Notes', null],
  ])('maps %j to %s', (header, field) => {
    expect(recogniseHeader([header])).toEqual([field]);
  });
});

describe('importing actions', () => {
  it.each([
    ['csv', 'en'],
    ['csv', 'ru'],
    ['csv', 'tk'],
    ['xlsx', 'en'],
    ['xlsx', 'ru'],
  ] as const)('reads back a %s export in %s as the same actions', async (format, language) => {
    const source = reportTestPlan({ hostile: true });
    const file = await exportPlan(source.snapshot(), { format, language, today });
    const table = await readImportTable(file.bytes, format satisfies TableKind);
    const target = targetPlan();
    const preview = previewActionImport(target.snapshot(), table);
    expect(preview.errorCount).toBe(0);
    expect(preview.newOrganisations).toEqual([
      'Ministry of Labour',
      'ILO',
      'Türkmenistanyň Kärdeşler arkalaşyklary',
    ]);
    expect(preview.newObjectives).toEqual([
      'Labour rights',
      'Хлопок без принудительного труда',
      'Zähmet hukuklary',
    ]);
    const result = applyActionImport(target.plan, preview, confirmAll);
    expect(result).toEqual({
      created: 12,
      updated: 0,
      unchanged: 0,
      organisationsCreated: 3,
      objectivesCreated: 3,
    });
    expect(importableCells(target, language)).toEqual(importableCells(source, language));
  });

  it('reads the status words people use in their own trackers', async () => {
    const table = await csv(
      [
        'Ref,Action,Status',
        '9.1,One,Done',
        '9.2,Two,ongoing',
        '9.3,Three,Not started',
        '9.4,Four,Выполнено',
        '9.5,Five,Delayed',
      ].join('\n'),
    );
    const preview = previewActionImport(reportTestPlan().snapshot(), table);
    expect(preview.rows.map((row) => [row.problems, row.values.status])).toEqual([
      [[], 'completed'],
      [[], 'in_progress'],
      [[], 'planned'],
      [[], 'completed'],
      [[], 'delayed'],
    ]);
  });

  it('reports each bad row and writes nothing', async () => {
    const test = reportTestPlan();
    const table = await csv(
      [
        'Ref,Action,Lead organisation,Start,Deadline,Status,Progress (%),Framework links',
        '9.1,Good row,Ministry of Labour,2025-01-01,2025-12-31,Planned,0,sdg8:8.7',
        '9.2,Bad date,Ministry of Labour,2025-01-01,31/02/2025,Planned,0,',
        '9.3,Unknown framework,Ministry of Labour,,,Planned,0,ungc:1',
        '9.4,Unknown SDG target,Ministry of Labour,,,Planned,0,sdg8:8.99',
        '9.5,Unknown status,Ministry of Labour,,,Almost done,0,',
        '9.6,,Ministry of Labour,,,Planned,0,',
        '9.7,Progress too high,Ministry of Labour,,,Planned,120,',
        '9.1,Duplicate ref,Ministry of Labour,,,Planned,0,',
        '9.8,Backwards,Ministry of Labour,2026-01-01,2025-01-01,Planned,0,',
      ].join('\n'),
    );
    const preview = previewActionImport(test.snapshot(), table);
    const problems = preview.rows.map((row) => [row.line, row.problems.map((p) => p.code)]);
    expect(problems).toEqual([
      [2, []],
      [3, ['bad_date']],
      [4, ['unknown_framework']],
      [5, ['unknown_framework_item']],
      [6, ['unknown_value']],
      [7, ['missing_title']],
      [8, ['bad_number']],
      [9, ['duplicate_ref']],
      [10, ['bad_date_range']],
    ]);
    expect(preview.errorCount).toBe(8);
    const before = Y.encodeStateVector(test.doc);
    let error: unknown;
    try {
      applyActionImport(test.plan, preview, confirmAll);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Y.encodeStateVector(test.doc)).toEqual(before);
  });

  it('offers unknown organisations for creation and creates them only when confirmed', async () => {
    const test = reportTestPlan();
    const table = await csv(
      'Action;Lead organisation;Partner organisations\nNew action;UNDP;"ILO; OSCE"\n',
    );
    const preview = previewActionImport(test.snapshot(), table);
    expect(preview.errorCount).toBe(0);
    expect(preview.newOrganisations).toEqual(['UNDP', 'OSCE']);
    expect(preview.rows[0]!.problems.map((p) => [p.code, p.value, p.offer])).toEqual([
      ['unknown_organisation', 'UNDP', true],
      ['unknown_organisation', 'OSCE', true],
    ]);
    const before = Y.encodeStateVector(test.doc);
    expect(() =>
      applyActionImport(test.plan, preview, { createOrganisations: false, createObjectives: true }),
    ).toThrow(ImportRefused);
    expect(Y.encodeStateVector(test.doc)).toEqual(before);

    let transactions = 0;
    test.doc.on('afterTransaction', () => transactions++);
    applyActionImport(test.plan, preview, { ...confirmAll, newOrganisationKind: 'international' });
    expect(transactions).toBe(1);
    const snapshot = test.snapshot();
    const undp = snapshot.orgs.find((org) => org.name === 'UNDP')!;
    expect(undp.kind).toBe('international');
    const created = snapshot.actions.find((action) => action.title === 'New action')!;
    expect(created.leadOrgId).toBe(undp.id);
    expect(
      created.partnerOrgIds.map((id) => snapshot.orgs.find((o) => o.id === id)!.name).sort(),
    ).toEqual(['ILO', 'OSCE']);
  });

  it('updates the action whose ref a row names, in one transaction', async () => {
    const test = reportTestPlan();
    const table = await csv(
      'Номер;Статус;Выполнение (%);Срок;Ответственная организация;Связи с рамками\n1.1;Выполнено;100;30.06.2025;ILO;sdg8:8.7\n',
    );
    const preview = previewActionImport(test.snapshot(), table);
    expect(preview.rows.map((row) => row.kind)).toEqual(['update']);
    let transactions = 0;
    test.doc.on('afterTransaction', () => transactions++);
    expect(applyActionImport(test.plan, preview, confirmAll)).toMatchObject({
      created: 0,
      updated: 1,
    });
    expect(transactions).toBe(1);
    const snapshot = test.snapshot();
    const action = snapshot.actions.find((a) => a.ref === '1.1')!;
    expect(action).toMatchObject({
      title: 'Labour inspection reform',
      status: 'completed',
      progress: 100,
      deadline: '2025-06-30',
      leadOrgId: snapshot.orgs.find((org) => org.name === 'ILO')!.id,
      links: ['sdg8:8.7'],
    });
  });

  it('pins what a multi-row import writes: refs, order, organisations, objectives, updates', async () => {
    const test = TestPlan.withActions(3);
    const table = await csv(
      [
        'Ref,Action,Objective,Lead organisation,Partner organisations,Status,Framework links',
        ',Inspect brick kilns,Labour rights,Ministry of Labour,UNDP,,sdg8:8.7',
        'B-1,Train judges,Access to justice,Supreme Court,undp; ILO,In progress,',
        ',Publish a hotline,Access to justice,ILO,,,sdg8:8.8',
        '1.2,Labour inspection (revised),Access to justice,Supreme Court,,Completed,sdg8:8.8',
        ',Loose action,,,,,',
        '1.9,Given ref,Labour rights,,,,',
        ',After the given ref,Labour rights,UNDP,,,',
        ',Another in justice,ACCESS  TO JUSTICE,,Ministry of Labour,,',
      ].join('\n'),
    );
    const preview = previewActionImport(test.snapshot(), table);
    expect(preview.errorCount).toBe(0);
    expect(preview.rows.map((row) => row.kind)).toEqual([
      'create',
      'create',
      'create',
      'update',
      'create',
      'create',
      'create',
      'create',
    ]);
    let transactions = 0;
    test.doc.on('afterTransaction', () => transactions++);
    expect(applyActionImport(test.plan, preview, confirmAll)).toEqual({
      created: 7,
      updated: 1,
      unchanged: 0,
      organisationsCreated: 3,
      objectivesCreated: 1,
    });
    expect(transactions).toBe(1);

    const snapshot = test.snapshot();
    const org = (id: string | null) => snapshot.orgs.find((o) => o.id === id)?.name ?? null;
    const objective = (id: string | null) =>
      snapshot.objectives.find((o) => o.id === id)?.title ?? null;
    // Ids count on from the plan's 5; the rehearsal on a scratch copy takes 11 of them first.
    expect(snapshot.orgs.map((o) => [o.id, o.name, o.kind])).toEqual([
      ['id-0019', 'ILO', 'other'],
      ['id-0002', 'Ministry of Labour', 'government'],
      ['id-0018', 'Supreme Court', 'other'],
      ['id-0017', 'UNDP', 'other'],
    ]);
    // The objective is created once, spelt as on the first row that names it (as offered).
    expect(preview.newObjectives).toEqual(['Access to justice']);
    expect(snapshot.objectives.map((o) => [o.id, o.title])).toEqual([
      ['id-0001', 'Labour rights'],
      ['id-0020', 'Access to justice'],
    ]);
    const justice = 'Access to justice';
    expect(
      snapshot.actions.map((a) => [
        a.id,
        a.ref,
        a.title,
        objective(a.objectiveId),
        org(a.leadOrgId),
        a.partnerOrgIds.map(org).sort(),
        a.status,
        a.links,
      ]),
    ).toEqual([
      ['id-0003', '1.1', 'Action 1', 'Labour rights', 'Ministry of Labour', [], 'planned', []],
      ['id-0005', '1.3', 'Action 3', 'Labour rights', 'Ministry of Labour', [], 'planned', []],
      [
        'id-0021',
        '1.4',
        'Inspect brick kilns',
        'Labour rights',
        'Ministry of Labour',
        ['UNDP'],
        'planned',
        ['sdg8:8.7'],
      ],
      ['id-0025', '1.9', 'Given ref', 'Labour rights', null, [], 'planned', []],
      ['id-0026', '1.10', 'After the given ref', 'Labour rights', 'UNDP', [], 'planned', []],
      [
        'id-0022',
        'B-1',
        'Train judges',
        justice,
        'Supreme Court',
        ['ILO', 'UNDP'],
        'in_progress',
        [],
      ],
      ['id-0023', '2.1', 'Publish a hotline', justice, 'ILO', [], 'planned', ['sdg8:8.8']],
      [
        'id-0004',
        '1.2',
        'Labour inspection (revised)',
        justice,
        'Supreme Court',
        [],
        'completed',
        ['sdg8:8.8'],
      ],
      [
        'id-0027',
        '2.2',
        'Another in justice',
        justice,
        null,
        ['Ministry of Labour'],
        'planned',
        [],
      ],
      ['id-0024', '0.1', 'Loose action', null, null, [], 'planned', []],
    ]);
  });

  it.each([
    ['csv', 'en'],
    ['csv', 'ru'],
    ['csv', 'tk'],
    ['xlsx', 'en'],
  ] as const)(
    'imports its own unchanged %s export (%s) back without writing anything',
    async (format, language) => {
      const test = reportTestPlan({ hostile: true });
      const file = await exportPlan(test.snapshot(), { format, language, today });
      const table = await readImportTable(file.bytes, format satisfies TableKind);
      const preview = previewActionImport(test.snapshot(), table);
      expect(preview.errorCount).toBe(0);
      expect(preview.newOrganisations).toEqual([]);
      expect(preview.newObjectives).toEqual([]);
      expect(preview.rows.map((row) => [row.line, row.kind, row.changed])).toEqual(
        preview.rows.map((row) => [row.line, 'unchanged', []]),
      );
      const before = Y.encodeStateVector(test.doc);
      let transactions = 0;
      test.doc.on('afterTransaction', () => transactions++);
      expect(applyActionImport(test.plan, preview, confirmAll)).toEqual({
        created: 0,
        updated: 0,
        unchanged: preview.rows.length,
        organisationsCreated: 0,
        objectivesCreated: 0,
      });
      expect(transactions).toBeLessThanOrEqual(1);
      expect(Y.encodeStateVector(test.doc)).toEqual(before);
    },
  );

  it.each([
    ['deadline', '2031-01-31', 'deadline'],
    ['progress', '42', 'progress'],
    ['priority', 'High', 'priority'],
    ['budgetCurrency', 'EUR', 'budget'],
    ['links', 'sdg8:8.7; sdg8:8.8', 'links'],
    // as exports write them, in another language than the file's
    ['links', 'SDG 8 8.7; ЦУР 8 8.8', 'links'],
    ['lead', 'ILO', 'leadOrgId'],
  ] as const)(
    'changing one %s cell of the export changes exactly that field of that action',
    async (field, cell, actionField) => {
      const test = reportTestPlan({ hostile: true });
      const file = await exportPlan(test.snapshot(), { format: 'csv', language: 'en', today });
      const table = await readImportTable(file.bytes, 'csv');
      const mapping = recogniseHeader(table.headers);
      const column = mapping.indexOf(field);
      const edited = {
        ...table,
        rows: table.rows.map((row, index) =>
          index === 1
            ? { ...row, cells: row.cells.map((value, at) => (at === column ? cell : value)) }
            : row,
        ),
      };
      const snapshotBefore = test.snapshot();
      test.at('2031-01-01T10:00:00.000Z');
      const preview = previewActionImport(snapshotBefore, edited);
      expect(preview.errorCount).toBe(0);
      expect(preview.rows.map((row) => row.kind)).toEqual(
        preview.rows.map((_, index) => (index === 1 ? 'update' : 'unchanged')),
      );
      expect(preview.rows[1]!.changed).toEqual([field]);
      expect(applyActionImport(test.plan, preview, confirmAll)).toMatchObject({
        created: 0,
        updated: 1,
        unchanged: preview.rows.length - 1,
      });
      const after = new Map(test.snapshot().actions.map((action) => [action.id, action]));
      const touched = snapshotBefore.actions.flatMap((action) =>
        Object.keys(action)
          .filter(
            (key) =>
              JSON.stringify(action[key as keyof typeof action]) !==
              JSON.stringify(after.get(action.id)![key as keyof typeof action]),
          )
          .map((key) => [action.id, key]),
      );
      expect(touched).toEqual([
        [preview.rows[1]!.actionId, actionField],
        [preview.rows[1]!.actionId, 'updatedAt'],
      ]);
    },
  );

  it('creates a new organisation spelt as the preview offered it: on its first row', async () => {
    const test = reportTestPlan();
    const table = await csv(
      'Action,Lead organisation\nOne,Ministry of Culture\nTwo,"ministry of culture "\n',
    );
    const preview = previewActionImport(test.snapshot(), table);
    expect(preview.newOrganisations).toEqual(['Ministry of Culture']);
    applyActionImport(test.plan, preview, confirmAll);
    const snapshot = test.snapshot();
    const culture = snapshot.orgs.filter((org) => org.name.toLowerCase().includes('culture'));
    expect(culture.map((org) => org.name)).toEqual(['Ministry of Culture']);
    expect(
      snapshot.actions
        .filter((action) => ['One', 'Two'].includes(action.title))
        .map((action) => action.leadOrgId),
    ).toEqual([culture[0]!.id, culture[0]!.id]);
  });

  it('refuses a file that is not a table', async () => {
    await expect(readImportTable(new Uint8Array([0x50, 0x4b, 1, 2]), 'xlsx')).rejects.toThrow(
      expect.objectContaining({
        code: 'unreadable_xlsx',
        message: expect.stringMatching(/not a readable XLSX/) as unknown,
      }),
    );
    await expect(csv('a,"b\n')).rejects.toThrow(
      expect.objectContaining({
        code: 'unreadable_csv',
        details: { reason: expect.stringMatching(/never closed/) as unknown },
      }),
    );
    await expect(csv('')).rejects.toThrow(expect.objectContaining({ code: 'no_rows' }));
  });
});
