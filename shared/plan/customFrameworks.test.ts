import { describe, expect, it } from 'vitest';
import * as customFrameworks from './customFrameworks';
import * as links from './links';
import { TestPlan, syncDocs } from './testing';

describe('custom frameworks', () => {
  it('creates a framework, adds items in order, renames and removes one (unlinking it)', () => {
    const test = TestPlan.withActions(1);
    const id = customFrameworks.create(test.plan, { name: 'OSCE guidance', version: '2024' });
    customFrameworks.addItems(test.plan, id, [
      { code: 'A', title: 'Prevention', kind: 'chapter' },
      { code: 'A.1', title: 'Supply chains', parent: 'A' },
      { code: 'B', title: 'Protection', kind: 'chapter' },
    ]);
    customFrameworks.renameItem(test.plan, id, 'B', 'Protection of victims');
    links.link(test.plan, test.actionId(0), id, 'A.1');
    customFrameworks.removeItem(test.plan, id, 'A.1');
    const [framework] = test.snapshot().customFrameworks;
    expect(framework).toMatchObject({
      id,
      name: { en: 'OSCE guidance' },
      version: '2024',
      origin: 'plan',
    });
    expect(framework!.items.map((item) => [item.code, item.title.en])).toEqual([
      ['A', 'Prevention'],
      ['B', 'Protection of victims'],
    ]);
    expect(test.snapshot().actions[0]!.links).toEqual([]);
  });

  it.each([
    [{ code: 'a:b', title: 'x' }, /without : or #/],
    [{ code: 'a#b', title: 'x' }, /without : or #/],
    [{ code: ' a', title: 'x' }, /without : or #/],
    [{ code: 'A', title: '' }, /must not be empty/],
  ])('refuses item %j', (item, message) => {
    const test = TestPlan.empty();
    const id = customFrameworks.create(test.plan, { name: 'X' });
    expect(() => customFrameworks.addItem(test.plan, id, item)).toThrow(message);
  });

  it('refuses a duplicate code within one list and against existing items, writing nothing', () => {
    const test = TestPlan.empty();
    const id = customFrameworks.create(test.plan, { name: 'X' });
    customFrameworks.addItem(test.plan, id, { code: '1', title: 'One' });
    expect(() =>
      customFrameworks.addItems(test.plan, id, [
        { code: '2', title: 'Two' },
        { code: '1', title: 'Again' },
      ]),
    ).toThrow(/already exists/);
    expect(test.snapshot().customFrameworks[0]!.items.map((i) => i.code)).toEqual(['1']);
  });

  it('refuses to shadow a built-in framework that has its own items', () => {
    const test = TestPlan.empty();
    expect(() => customFrameworks.create(test.plan, { id: 'sdg8', name: 'Fake' })).toThrow(
      /built-in/,
    );
  });

  it("keeps both replicas' national plan items when both start the framework offline", () => {
    const a = TestPlan.empty();
    const b = a.replica({ id: 'member-2', name: 'B' }, 'b-');
    customFrameworks.create(a.plan, { id: 'hrap-tm-2021', name: 'National plan' });
    customFrameworks.addItem(a.plan, 'hrap-tm-2021', {
      code: '1',
      title: 'Chapter one',
      kind: 'chapter',
    });
    customFrameworks.create(b.plan, { id: 'hrap-tm-2021', name: 'National plan' });
    customFrameworks.addItem(b.plan, 'hrap-tm-2021', {
      code: '2',
      title: 'Chapter two',
      kind: 'chapter',
    });
    syncDocs(a.doc, b.doc);
    expect(
      a
        .snapshot()
        .customFrameworks[0]!.items.map((i) => i.code)
        .sort(),
    ).toEqual(['1', '2']);
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  it('removes a whole framework and every link to it', () => {
    const test = TestPlan.withActions(1);
    const id = customFrameworks.create(test.plan, { name: 'X' });
    customFrameworks.addItem(test.plan, id, { code: '1', title: 'One' });
    links.link(test.plan, test.actionId(0), id, '1');
    customFrameworks.remove(test.plan, id);
    expect(test.snapshot().customFrameworks).toEqual([]);
    expect(test.snapshot().actions[0]!.links).toEqual([]);
  });
});
