import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import * as organisations from './organisations';
import { TestPlan } from './testing';

describe('organisations', () => {
  it('creates and edits', () => {
    const test = TestPlan.empty();
    const id = organisations.create(test.plan, {
      name: '  Ombudsperson  ',
      kind: 'nhri',
      country: 'TM',
    });
    organisations.edit(test.plan, id, { contact: 'office@example.tm' });
    expect(test.snapshot().orgs).toEqual([
      { id, name: 'Ombudsperson', kind: 'nhri', country: 'TM', contact: 'office@example.tm' },
    ]);
  });

  it('refuses a second organisation of the same name, by create or rename, case and spaces aside', () => {
    const test = TestPlan.empty();
    organisations.create(test.plan, { name: 'Ministry of Labour', kind: 'government' });
    const chamber = organisations.create(test.plan, { name: 'Chamber', kind: 'business' });
    const before = test.snapshot();
    for (const attempt of [
      () => organisations.create(test.plan, { name: ' ministry of  LABOUR ', kind: 'other' }),
      () => organisations.edit(test.plan, chamber, { name: 'ministry of labour' }),
    ]) {
      expect(attempt).toThrow(
        expect.objectContaining({ detail: { field: 'name', reason: 'taken' } }) as Error,
      );
    }
    expect(test.snapshot()).toEqual(before);
    // its own name in other letters is a rename, not a clash
    organisations.edit(test.plan, chamber, { name: 'CHAMBER' });
    expect(
      test
        .snapshot()
        .orgs.map((org) => org.name)
        .sort(),
    ).toEqual(['CHAMBER', 'Ministry of Labour']);
  });

  it('merges a duplicate: every lead, partner and endorsement points to the one kept', () => {
    const test = TestPlan.empty();
    const keep = organisations.create(test.plan, {
      name: 'Ministry of Labour',
      kind: 'government',
    });
    const dup = organisations.create(test.plan, { name: 'Min. of Labour', kind: 'government' });
    const other = organisations.create(test.plan, { name: 'ILO', kind: 'international' });
    const led = actions.create(test.plan, {
      title: 'Led by dup',
      leadOrgId: dup,
      partnerOrgIds: [other],
    });
    const partnered = actions.create(test.plan, {
      title: 'Dup partner',
      leadOrgId: other,
      partnerOrgIds: [dup],
    });
    const both = actions.create(test.plan, {
      title: 'Both',
      leadOrgId: keep,
      partnerOrgIds: [dup],
    });
    actions.endorse(test.plan, led, dup);

    organisations.merge(test.plan, keep, dup);

    const byId = Object.fromEntries(test.snapshot().actions.map((a) => [a.id, a]));
    expect(byId[led]!.leadOrgId).toBe(keep);
    expect(byId[led]!.endorsements.map((e) => e.orgId)).toEqual([keep]);
    expect(byId[partnered]!.partnerOrgIds).toEqual([keep]);
    expect(byId[both]!.partnerOrgIds).toEqual([]);
    expect(
      test
        .snapshot()
        .orgs.map((o) => o.id)
        .sort(),
    ).toEqual([keep, other].sort());
  });

  it('removes an unused organisation and refuses one still named', () => {
    const test = TestPlan.empty();
    const used = organisations.create(test.plan, { name: 'Used', kind: 'business' });
    const unused = organisations.create(test.plan, { name: 'Unused', kind: 'donor' });
    actions.create(test.plan, { title: 'x', partnerOrgIds: [used] });
    expect(() => organisations.remove(test.plan, used)).toThrow(/1 action\(s\) still name/);
    organisations.remove(test.plan, unused);
    expect(test.snapshot().orgs.map((o) => o.name)).toEqual(['Used']);
  });

  it.each([
    [{ name: '', kind: 'government' }, /name must not be empty/],
    [{ name: 'x', kind: 'company' }, /kind must be one of/],
  ])('refuses %j', (input, message) => {
    const test = TestPlan.empty();
    expect(() => organisations.create(test.plan, input as never)).toThrow(message);
  });

  it('refuses to merge an organisation into itself', () => {
    const test = TestPlan.empty();
    const id = organisations.create(test.plan, { name: 'x', kind: 'other' });
    expect(() => organisations.merge(test.plan, id, id)).toThrow(/into itself/);
  });
});
