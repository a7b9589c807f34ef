import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as actions from '../../shared/plan/actions';
import * as organisations from '../../shared/plan/organisations';
import type { Plan } from '../../shared/plan/plan';
import { TestPlan } from '../../shared/plan/testing';
import { checkAuthority, type Sender } from './authority';

const OWNER: Sender = { isOwner: true, organisation: 'Ministry of Labour' };
const LABOUR_EDITOR: Sender = { isOwner: false, organisation: ' ministry of  labour' };
const NHRI_EDITOR: Sender = { isOwner: false, organisation: 'Ombudsman' };

/** The server's copy of a plan with two actions (the first agreed) and two organisations, and
 * the update a client's operation on its own replica makes. */
function scene(
  operation: (
    plan: Plan,
    ids: { action: string; agreed: string; org: string; other: string },
  ) => void,
) {
  const test = TestPlan.withActions(2);
  const snapshot = test.snapshot();
  const org = snapshot.orgs[0]!.id;
  const other = organisations.create(test.plan, { name: 'Ombudsman', kind: 'nhri' });
  const agreed = test.actionId(0);
  actions.agree(test.plan, agreed);
  actions.endorse(test.plan, agreed, org);
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(test.plan.doc));
  const before = Y.encodeStateVector(test.plan.doc);
  operation(test.plan, { action: test.actionId(1), agreed, org, other });
  return { server, update: Y.encodeStateAsUpdate(test.plan.doc, before) };
}

const allowed = { ok: true };
const refused = { ok: false };

describe('[S25] authority of adoption and endorsement', () => {
  it.each([
    [
      'an owner agrees an action',
      OWNER,
      (p: Plan, i: { action: string }) => actions.agree(p, i.action),
      allowed,
    ],
    [
      'an editor agrees an action',
      LABOUR_EDITOR,
      (p: Plan, i: { action: string }) => actions.agree(p, i.action),
      refused,
    ],
    [
      'an editor returns an agreed action to draft',
      LABOUR_EDITOR,
      (p: Plan, i: { agreed: string }) => actions.propose(p, i.agreed),
      refused,
    ],
    [
      'an editor proposes a draft again (no change)',
      LABOUR_EDITOR,
      (p: Plan, i: { action: string }) => actions.propose(p, i.action),
      allowed,
    ],
    [
      'an editor creates a proposed action',
      LABOUR_EDITOR,
      (p: Plan) => void actions.create(p, { title: 'New' }),
      allowed,
    ],
    [
      'an editor creates an agreed action',
      LABOUR_EDITOR,
      (p: Plan) => void actions.create(p, { title: 'New', stage: 'agreed' }),
      refused,
    ],
    [
      'an editor edits the title of an agreed action',
      LABOUR_EDITOR,
      (p: Plan, i: { agreed: string }) => actions.edit(p, i.agreed, { title: 'Renamed' }),
      allowed,
    ],
    [
      'an editor endorses for their own organisation',
      LABOUR_EDITOR,
      (p: Plan, i: { action: string; org: string }) => actions.endorse(p, i.action, i.org),
      allowed,
    ],
    [
      'an editor endorses for another organisation',
      NHRI_EDITOR,
      (p: Plan, i: { action: string; org: string }) => actions.endorse(p, i.action, i.org),
      refused,
    ],
    [
      'an owner endorses for another organisation',
      OWNER,
      (p: Plan, i: { action: string; other: string }) => actions.endorse(p, i.action, i.other),
      refused,
    ],
    [
      "a member withdraws another organisation's endorsement",
      NHRI_EDITOR,
      (p: Plan, i: { agreed: string; org: string }) =>
        actions.withdrawEndorsement(p, i.agreed, i.org),
      refused,
    ],
    [
      "a member withdraws their own organisation's endorsement",
      LABOUR_EDITOR,
      (p: Plan, i: { agreed: string; org: string }) =>
        actions.withdrawEndorsement(p, i.agreed, i.org),
      allowed,
    ],
  ] as const)('%s', (_name, sender, operation, expected) => {
    const { server, update } = scene(operation as Parameters<typeof scene>[0]);
    expect(checkAuthority(server, update, sender)).toMatchObject(expected);
  });

  it('reads an update that carries its action and its endorsements together', () => {
    const { server, update } = scene((plan, ids) => {
      const id = actions.create(plan, { title: 'New' });
      actions.endorse(plan, id, ids.other);
    });
    expect(checkAuthority(server, update, LABOUR_EDITOR)).toMatchObject(refused);
    expect(checkAuthority(server, update, NHRI_EDITOR)).toMatchObject(allowed);
  });
});
