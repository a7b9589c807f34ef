// Members and invites: invite codes and personal tokens are random, shown once,
// and stored only as sha-256 hashes. sha-256 (not a slow password hash) is enough because both are
// 256-bit random values: there is nothing to guess from a hash.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type {
  InviteRecord,
  MemberRecord,
  MembershipStore,
  PlanCatalog,
  PlanRecord,
  Role,
} from '../storage/store';

/** Bytes of randomness in a token or invite code (256 bits). */
const SECRET_BYTES = 32;

export const newSecret = (): string => randomBytes(SECRET_BYTES).toString('base64url');
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

export interface InviteOptions {
  readonly role: Role;
  /** null: unlimited */
  readonly maxUses: number | null;
  /** null: never expires */
  readonly expiresAt: number | null;
  readonly label: string;
  readonly createdBy: string | null;
}

export interface CreatedInvite {
  readonly invite: InviteRecord;
  /** the code to hand to the invitee; not stored and not shown again */
  readonly code: string;
}

export async function createInvite(
  store: MembershipStore,
  planId: string,
  options: InviteOptions,
  now = Date.now(),
): Promise<CreatedInvite> {
  const code = newSecret();
  const invite = await store.createInvite({
    id: randomUUID(),
    planId,
    codeHash: hashSecret(code),
    createdAt: now,
    ...options,
  });
  return { invite, code };
}

/** How long the owner invite printed by `admin create-plan` works. */
export const OWNER_INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Creates a plan row and a single-use owner invite. The document starts empty: the owner's client
 * initialises its meta when it first opens the plan.
 */
export async function createPlan(
  store: PlanCatalog & MembershipStore,
  title: string,
  now = Date.now(),
): Promise<{ plan: PlanRecord; ownerInvite: CreatedInvite }> {
  const plan: PlanRecord = { id: randomUUID(), title, createdAt: now };
  await store.createPlan(plan);
  const ownerInvite = await createInvite(
    store,
    plan.id,
    {
      role: 'owner',
      maxUses: 1,
      expiresAt: now + OWNER_INVITE_TTL_MS,
      label: 'owner',
      createdBy: null,
    },
    now,
  );
  return { plan, ownerInvite };
}

export type JoinOutcome =
  | { readonly ok: true; readonly member: MemberRecord; readonly token: string }
  | { readonly ok: false; readonly refusal: 'unknown' | 'revoked' | 'expired' | 'usedUp' };

/** Exchanges an invite code for a new member and their personal token. */
export async function join(
  store: MembershipStore,
  code: string,
  person: { readonly name: string; readonly organisation: string },
  now = Date.now(),
): Promise<JoinOutcome> {
  const token = newSecret();
  const outcome = await store.redeemInvite(hashSecret(code), {
    id: randomUUID(),
    name: person.name,
    organisation: person.organisation,
    tokenHash: hashSecret(token),
    createdAt: now,
  });
  return outcome.ok ? { ok: true, member: outcome.member, token } : outcome;
}

/** The member holding `token` in `planId`, if any (revoked members are returned; check revokedAt). */
export async function memberForToken(
  store: MembershipStore,
  planId: string,
  token: string,
): Promise<MemberRecord | undefined> {
  return store.memberByTokenHash(planId, hashSecret(token));
}
