// The plan's saved versions (the server's dated checkpoints); an owner restores one, and can undo
// that restore at once (the server keeps the plan from just before as a version of its own). The
// restored values arrive through the live document like any other member's edit.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ServerMembership } from '../../session/localPlans';
import { requireToken } from '../../session/memberTokens';
import { restoreCheckpoint, type SavedVersion } from '../../session/serverApi';
import { serverQueryKeys, useCheckpoints } from '../../session/serverQueries';
import { usePlanStore } from '../../state/planStore';
import { useFormat } from '../common/format';
import { ServerFailure } from '../common/ServerFailure';
import { serverErrorText } from '../common/serverError';

export function VersionsPanel({ server, planId }: { server: ServerMembership; planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isOwner = usePlanStore((state) => state.role) === 'owner';
  const versions = useCheckpoints(server, planId);
  const queries = useQueryClient();
  const restore = useMutation({
    mutationFn: async (version: SavedVersion) => ({
      version,
      result: await restoreCheckpoint(
        server.url,
        planId,
        await requireToken(planId, server),
        version.id,
      ),
    }),
    onSettled: () => {
      void queries.invalidateQueries({ queryKey: serverQueryKeys.checkpoints(server, planId) });
      void queries.invalidateQueries({ queryKey: serverQueryKeys.history(server, planId) });
    },
  });
  const when = (version: SavedVersion) => (version.at ? format.dateTime(version.at) : '');
  return (
    <section className="stack" aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t('planScreen.versions')}</h3>
      {isOwner && <p className="muted">{t('planScreen.versionsHint')}</p>}
      {restore.data && (
        <p role="status" className="row-form">
          <span>
            {t('planScreen.restored', {
              at: when(restore.data.version),
              actions: restore.data.result.changed.actions,
            })}
          </span>
          <button
            type="button"
            disabled={restore.isPending}
            onClick={() => restore.mutate({ id: restore.data.result.undoCheckpointId, at: null })}
          >
            {t('planScreen.undoRestore')}
          </button>
        </p>
      )}
      {restore.isError && (
        <p role="alert" className="error">
          {t('errors.generic', { message: serverErrorText(restore.error, t) })}
        </p>
      )}
      {versions.isPending && <p className="muted">{t('planScreen.loadingServer')}</p>}
      {versions.isError && (
        <ServerFailure
          text={(message) => t('planScreen.versionsFailed', { message })}
          error={versions.error}
          onRetry={() => void versions.refetch()}
        />
      )}
      {versions.data && (
        <ul className="plain-list versions">
          {versions.data.length === 0 && <li className="muted">{t('detail.none')}</li>}
          {versions.data.map((version) => (
            <li key={version.id} className="list-row">
              <span>{when(version)}</span>
              {isOwner && (
                <button
                  type="button"
                  disabled={restore.isPending}
                  onClick={() => restore.mutate(version)}
                >
                  {restore.isPending && restore.variables.id === version.id
                    ? t('planScreen.restoring')
                    : t('planScreen.restoreVersion')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
