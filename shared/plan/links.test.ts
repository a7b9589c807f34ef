import { describe, expect, it } from 'vitest';
import * as customFrameworks from './customFrameworks';
import * as links from './links';
import { TestPlan } from './testing';

describe('framework links', () => {
  it('links to SDG 8 targets and indicators, as a set, and unlinks', () => {
    const test = TestPlan.withActions(1);
    const id = test.actionId(0);
    links.link(test.plan, id, 'sdg8', '8.7');
    links.link(test.plan, id, 'sdg8', '8.7.1');
    links.link(test.plan, id, 'sdg8', '8.7');
    links.link(test.plan, id, 'ilo', 'C029');
    expect(test.snapshot().actions[0]!.links).toEqual(['ilo:C029', 'sdg8:8.7', 'sdg8:8.7.1']);
    links.unlink(test.plan, id, 'sdg8', '8.7');
    expect(test.snapshot().actions[0]!.links).toEqual(['ilo:C029', 'sdg8:8.7.1']);
  });

  it('links to any of the 17 SDGs before their texts have loaded', () => {
    const test = TestPlan.withActions(1);
    const id = test.actionId(0);
    links.link(test.plan, id, 'sdg', '16.2.2');
    links.link(test.plan, id, 'sdg', '5.2');
    expect(test.snapshot().actions[0]!.links).toEqual(['sdg:16.2.2', 'sdg:5.2']);
  });

  it.each([
    ['sdg8', '8.13'],
    ['sdg8', '9.1'],
    ['nope', '1'],
    ['hrap-tm-2021', '1.1'],
    ['sdg', '18'],
    ['sdg', '16.2.9'],
  ])('refuses an item that does not exist: %s %s', (frameworkId, code) => {
    const test = TestPlan.withActions(1);
    expect(() => links.link(test.plan, test.actionId(0), frameworkId, code)).toThrow(
      /does not exist/,
    );
  });

  it("links to national plan items once the plan's owners have entered them", () => {
    const test = TestPlan.withActions(1);
    customFrameworks.create(test.plan, {
      id: 'hrap-tm-2021',
      name: 'National Human Rights Action Plan 2021-2025',
    });
    customFrameworks.addItem(test.plan, 'hrap-tm-2021', {
      code: '1.1',
      title: 'Entered by the owners',
      kind: 'item',
    });
    links.link(test.plan, test.actionId(0), 'hrap-tm-2021', '1.1');
    expect(test.snapshot().actions[0]!.links).toEqual(['hrap-tm-2021:1.1']);
  });
});
