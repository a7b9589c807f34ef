// Partner organisations of an action: a set, shown as removable chips, added from a list.
import { useTranslation } from 'react-i18next';
import * as actions from '../../../shared/plan/actions';
import type { Action } from '../../../shared/plan/schema';
import { usePlanStore } from '../../state/planStore';
import { useOperation } from '../shell/useOperation';

export function PartnersSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const run = useOperation();
  const orgs = usePlanStore((state) => state.snapshot!.orgs);
  const nameOf = (id: string) => orgs.find((org) => org.id === id)?.name ?? id;
  const available = orgs.filter((org) => !action.partnerOrgIds.includes(org.id));
  return (
    <section className="detail-section" aria-labelledby="partners-head">
      <h3 id="partners-head">{t('detail.partners')}</h3>
      <ul className="chips">
        {action.partnerOrgIds.length === 0 && <li className="muted">{t('detail.none')}</li>}
        {action.partnerOrgIds.map((orgId) => (
          <li key={orgId} className="chip">
            {nameOf(orgId)}
            {canEdit && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t('detail.removePartner', { name: nameOf(orgId) })}
                onClick={() => run((plan) => actions.removePartner(plan, action.id, orgId))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && available.length > 0 && (
        <label className="field inline">
          <span>{t('detail.addPartner')}</span>
          <select
            value=""
            onChange={(event) => {
              const orgId = event.target.value;
              if (orgId) run((plan) => actions.addPartner(plan, action.id, orgId));
            }}
          >
            <option value="">{t('detail.choose')}</option>
            {available.map((org) => (
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
