import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { HRAP_FRAMEWORK_ID } from '../frameworks';
import { TestPlan } from '../plan/testing';
import { applyFrameworkItems, previewFrameworkItems } from './importFrameworkItems';

describe('importing a framework’s items', () => {
  it.each([
    ['1 Civil rights', { code: '1', title: 'Civil rights', kind: 'chapter' }],
    ['1.2. Access to justice', { code: '1.2', title: 'Access to justice', kind: 'item' }],
    ['2.3\tDecent work', { code: '2.3', title: 'Decent work', kind: 'item' }],
    ['IV – Гражданские права', { code: 'IV', title: 'Гражданские права', kind: 'chapter' }],
    ['3) Zähmet hukuklary', { code: '3', title: 'Zähmet hukuklary', kind: 'chapter' }],
  ])('reads the pasted line %j', (line, item) => {
    expect(previewFrameworkItems(line).items[0]).toMatchObject(item);
  });

  it('nests dotted codes under the listed parent and reports lines it cannot read', () => {
    const preview = previewFrameworkItems(
      '1 Rights\n1.1 Labour\n\nno code here\n1.1 Again\n2.1 Orphan',
    );
    expect(preview.items.map((i) => [i.code, i.parent ?? null, i.kind])).toEqual([
      ['1', null, 'chapter'],
      ['1.1', '1', 'item'],
      ['2.1', null, 'item'],
    ]);
    expect(preview.problems.map((p) => [p.line, p.code, p.text])).toEqual([
      [4, 'bad_line', 'no code here'],
      [5, 'duplicate_code', '1.1'],
    ]);
  });

  it.each([
    [`1 ${'x'.repeat(501)}`, { code: 'bad_title', text: '1', limit: 500 }],
    ['code,title\nwith space,Title', { code: 'bad_code', text: 'with space' }],
    [
      'code,title,kind\n1,Title,pillar',
      { code: 'bad_kind', text: 'pillar', allowed: expect.arrayContaining(['chapter', 'item']) },
    ],
  ])('reports %j with its code and details', (text, problem) => {
    expect(previewFrameworkItems(text).problems).toEqual([expect.objectContaining(problem)]);
  });

  it('reads CSV with code, title, kind and parent columns', () => {
    const preview = previewFrameworkItems(
      'Code,Title,Kind,Parent\nA,Chapter A,chapter,\nA.1,"Item, one",item,A\n',
    );
    expect(preview.items).toEqual([
      { line: 2, code: 'A', title: 'Chapter A', kind: 'chapter' },
      { line: 3, code: 'A.1', title: 'Item, one', kind: 'item', parent: 'A' },
    ]);
  });

  it('adds the items to the national plan in one transaction, creating it first', () => {
    const test = TestPlan.empty();
    const { items } = previewFrameworkItems('1 Civil rights\n1.1 Fair trial');
    let transactions = 0;
    test.doc.on('afterTransaction', () => transactions++);
    applyFrameworkItems(test.plan, HRAP_FRAMEWORK_ID, items, { name: 'National plan 2021-2025' });
    expect(transactions).toBe(1);
    const framework = test.snapshot().customFrameworks[0]!;
    expect(framework.id).toBe(HRAP_FRAMEWORK_ID);
    expect(framework.items.map((i) => [i.code, i.title.en, i.parent ?? null])).toEqual([
      ['1', 'Civil rights', null],
      ['1.1', 'Fair trial', '1'],
    ]);
  });

  it('creates the framework with its short name when one is given', () => {
    const test = TestPlan.empty();
    const { items } = previewFrameworkItems('1 Civil rights');
    applyFrameworkItems(test.plan, HRAP_FRAMEWORK_ID, items, {
      name: 'National plan 2021-2025',
      shortName: 'HRAP',
    });
    expect(test.snapshot().customFrameworks[0]!.shortName.en).toBe('HRAP');
  });

  it('creates no framework when an item of a new one is refused', () => {
    const test = TestPlan.empty();
    const items = [{ line: 1, code: '1', title: 'x'.repeat(10_000), kind: 'chapter' as const }];
    expect(() =>
      applyFrameworkItems(test.plan, HRAP_FRAMEWORK_ID, items, { name: 'Plan' }),
    ).toThrow();
    expect(test.snapshot().customFrameworks).toEqual([]);
  });

  it('writes nothing when an item is refused', () => {
    const test = TestPlan.empty();
    applyFrameworkItems(
      test.plan,
      HRAP_FRAMEWORK_ID,
      previewFrameworkItems('1 Civil rights').items,
      { name: 'Plan' },
    );
    const before = Y.encodeStateVector(test.doc);
    const { items } = previewFrameworkItems('2 Social rights\n1 Civil rights again');
    expect(() => applyFrameworkItems(test.plan, HRAP_FRAMEWORK_ID, items)).toThrow(
      /already exists/,
    );
    expect(Y.encodeStateVector(test.doc)).toEqual(before);
  });
});
