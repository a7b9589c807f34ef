// Who the plan's members are, with their roles, read from the server (useMembers); a local plan
// says it has none.
import { useTranslation } from 'react-i18next';
import type { ServerMembership } from '../../session/localPlans';
import { useMembers } from '../../session/serverQueries';
import { usePlanStore } from '../../state/planStore';
import { ServerFailure } from '../common/ServerFailure';

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
  const members = useMembers(server, planId);
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
  if (members.data.length === 0) return null;
  return (
    <table className="mini-table">
      <tbody>
        {members.data.map((member) => (
          <tr key={member.id}>
            <td>
              {member.name}
              {member.id === server.memberId ? ` (${t('planScreen.you')})` : ''}
            </td>
            <td>{member.organisation}</td>
            <td>{t(`start.role.${member.role}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
