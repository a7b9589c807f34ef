// Who the plan's members are, with their roles, read from the server (useMembers); a local plan
// says it has none. Owners change a member's role or remove them here (the server keeps one
// owner at least and says so).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLE_LIST, type Role } from '../../../shared/contracts/api';
import { nameKey } from '../../../shared/plan/names';
import type { ServerMembership } from '../../session/localPlans';
import { requireToken } from '../../session/memberTokens';
import { changeMemberRole, removeMember } from '../../session/serverApi';
import { serverQueryKeys, useMembers } from '../../session/serverQueries';
import { usePlanStore } from '../../state/planStore';
import { useFormat } from '../common/format';
import { serverErrorText } from '../common/serverError';
import { ServerFailure } from '../common/ServerFailure';

/** Characters of a member's id shown to tell namesakes apart. */
const SHORT_ID_LENGTH = 6;

export function MembersPanel({
  server,
  planId,
}: {
  server: ServerMembership | null | undefined;
  planId: string;
}) {
  const { t } = useTranslation();
  const role = usePlanStore((state) => state.role);
  return (
    <>
      <h3>{t('planScreen.members')}</h3>
      <p className="muted">
        {server
          ? t('planScreen.serverPlan', {
              server: new URL(server.url).host,
              role: t(`start.role.${role}`),
            })
          : t('planScreen.localPlan')}
      </p>
      {server && <MemberList server={server} planId={planId} />}
    </>
  );
}

function MemberList({ server, planId }: { server: ServerMembership; planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const members = useMembers(server, planId);
  const isOwner = usePlanStore((state) => state.role === 'owner');
  const queries = useQueryClient();
  const change = useMutation({
    mutationFn: async (input: { memberId: string; role: Role | null }) => {
      const token = await requireToken(planId, server);
      return input.role === null
        ? removeMember(server.url, planId, token, input.memberId)
        : changeMemberRole(server.url, planId, token, {
            memberId: input.memberId,
            role: input.role,
          });
    },
    onSettled: () =>
      queries.invalidateQueries({ queryKey: serverQueryKeys.members(server, planId) }),
  });
  if (members.isPending) return <p className="muted">{t('planScreen.loadingServer')}</p>;
  if (members.isError) {
    return (
      <ServerFailure
        text={(message) => t('planScreen.membersFailed', { message })}
        error={members.error}
        onRetry={() => void members.refetch()}
      />
    );
  }
  // A removed member has no access left: the list shows who takes part.
  const active = members.data.filter((member) => member.revokedAt === null);
  if (active.length === 0) return null;
  const namesakes = new Map<string, number>();
  for (const member of active) {
    const key = nameKey(member.name);
    namesakes.set(key, (namesakes.get(key) ?? 0) + 1);
  }
  return (
    <>
      <table className="mini-table" data-testid="members">
        <tbody>
          {active.map((member) => (
            <tr key={member.id} data-member-id={member.id}>
              <td>
                {member.name}
                {member.id === server.memberId ? ` (${t('planScreen.you')})` : ''}
                {(namesakes.get(nameKey(member.name)) ?? 0) > 1 && (
                  // Members with the same name are told apart by when they joined and a short id.
                  <span className="muted">
                    {' · '}
                    {member.joinedAt
                      ? `${t('planScreen.joinedOn', { date: format.date(member.joinedAt) })} · `
                      : ''}
                    {t('planScreen.memberCode', { code: member.id.slice(0, SHORT_ID_LENGTH) })}
                  </span>
                )}
              </td>
              <td>{member.organisation}</td>
              <td>
                {isOwner ? (
                  <select
                    aria-label={t('planScreen.memberRole', { name: member.name })}
                    value={member.role}
                    disabled={change.isPending}
                    onChange={(event) =>
                      change.mutate({ memberId: member.id, role: event.target.value as Role })
                    }
                  >
                    {ROLE_LIST.map((role) => (
                      <option key={role} value={role}>
                        {t(`start.role.${role}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`start.role.${member.role}`)
                )}
              </td>
              {isOwner && (
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('planScreen.removeMemberLabel', { name: member.name })}
                    disabled={change.isPending}
                    onClick={() => {
                      if (window.confirm(t('planScreen.confirmRemove', { name: member.name })))
                        change.mutate({ memberId: member.id, role: null });
                    }}
                  >
                    {t('planScreen.removeMember')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {change.isError && (
        <p className="error" role="alert">
          {t('planScreen.memberChangeFailed', { message: serverErrorText(change.error, t) })}
        </p>
      )}
    </>
  );
}
