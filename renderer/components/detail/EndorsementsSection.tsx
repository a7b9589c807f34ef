// Which organisations back the action (a set keyed by organisation).
import { useTranslation } from 'react-i18next';
import * as actions from '../../../shared/plan/actions';
import { nameKey } from '../../../shared/plan/names';
import type { Action } from '../../../shared/plan/schema';
import { usePlanStore } from '../../state/planStore';
import { useFormat } from '../common/format';
import { useOperation } from '../shell/useOperation';

export function EndorsementsSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const orgs = usePlanStore((state) => state.snapshot!.orgs);
  const nameOf = (id: string) => orgs.find((org) => org.id === id)?.name ?? id;
  const endorsed = new Set(action.endorsements.map((endorsement) => endorsement.orgId));
  // On a server plan a member endorses, and withdraws, only for their own organisation (the
  // server refuses the rest); a plan on this computer has no members to tell apart.
  const organisation = usePlanStore((state) => state.organisation);
  const mayEndorse = (orgId: string) =>
    organisation === null || nameKey(nameOf(orgId)) === nameKey(organisation);
  return (
    <section className="detail-section" aria-labelledby="endorse-head">
      <h3 id="endorse-head">{t('detail.endorsements')}</h3>
      <ul className="chips">
        {action.endorsements.length === 0 && <li className="muted">{t('detail.none')}</li>}
        {action.endorsements.map((endorsement) => (
          <li key={endorsement.orgId} className="chip endorsed" title={format.date(endorsement.at)}>
            ✓ {nameOf(endorsement.orgId)}
            {canEdit && mayEndorse(endorsement.orgId) && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t('detail.withdraw', { name: nameOf(endorsement.orgId) })}
                onClick={() =>
                  run((plan) => actions.withdrawEndorsement(plan, action.id, endorsement.orgId))
                }
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <label className="field inline">
          <span>{t('detail.endorse')}</span>
          <select
            value=""
            onChange={(event) => {
              const orgId = event.target.value;
              if (orgId) run((plan) => actions.endorse(plan, action.id, orgId));
            }}
          >
            <option value="">{t('detail.choose')}</option>
            {orgs
              .filter((org) => !endorsed.has(org.id) && mayEndorse(org.id))
              .map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
          </select>
        </label>
      )}
    </section>
  );
}
