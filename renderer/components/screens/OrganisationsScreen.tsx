// The organisation registry: kind, country, contact, how many actions each leads or partners in;
// add, edit, merge a duplicate into the one to keep, remove an unused one.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORG_KIND_LIST, type OrgKind } from '../../../shared/plan/model';
import { nameKey } from '../../../shared/plan/names';
import * as organisations from '../../../shared/plan/organisations';
import type { Organisation } from '../../../shared/plan/schema';
import { orgUsage } from '../../selectors/orgUsage';
import { selectCanEdit, usePlanStore } from '../../state/planStore';
import { setView } from '../../state/viewStore';
import { NO_FILTERS } from '../../state/viewState';
import { CommitField } from '../common/CommitField';
import { useFormat } from '../common/format';
import { useOperation } from '../shell/useOperation';
import { fieldLimit } from '../common/fieldLimit';

export function OrganisationsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const canEdit = usePlanStore(selectCanEdit);
  const snapshot = usePlanStore((state) => state.snapshot)!;
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrgKind>('government');
  const counts = useMemo(() => orgUsage(snapshot), [snapshot]);
  // "Ministry of labour " is the Ministry of Labour already in the registry, not a second one
  const existing = name.trim()
    ? snapshot.orgs.find((org) => nameKey(org.name) === nameKey(name))
    : undefined;

  return (
    <section className="page">
      <h2>{t('orgs.title')}</h2>
      {canEdit && (
        <form
          className="row-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (existing) return;
            if (
              name.trim() &&
              run((plan) => organisations.create(plan, { name: name.trim(), kind }))
            )
              setName('');
          }}
        >
          <label className="field grow">
            <span>{t('orgs.newName')}</span>
            <input
              value={name}
              {...fieldLimit('name')}
              aria-describedby={existing ? 'org-exists' : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            {existing && (
              <span id="org-exists" className="hint" role="status">
                {t('orgs.exists', { name: existing.name })}
              </span>
            )}
          </label>
          <label className="field">
            <span>{t('orgs.kind')}</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as OrgKind)}>
              {ORG_KIND_LIST.map((value) => (
                <option key={value} value={value}>
                  {t(`orgKind.${value}`, { ns: 'plan' })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!name.trim() || Boolean(existing)}>
            {t('orgs.add')}
          </button>
        </form>
      )}
      {snapshot.orgs.length === 0 && <p className="muted">{t('orgs.empty')}</p>}
      <div className="org-list">
        {snapshot.orgs.map((org) => (
          <OrgCard
            key={org.id}
            org={org}
            others={snapshot.orgs}
            canEdit={canEdit}
            leads={format.number(counts.leads.get(org.id) ?? 0)}
            partners={format.number(counts.partners.get(org.id) ?? 0)}
          />
        ))}
      </div>
    </section>
  );
}

function OrgCard(props: {
  org: Organisation;
  others: readonly Organisation[];
  canEdit: boolean;
  leads: string;
  partners: string;
}) {
  const { org, canEdit } = props;
  const { t } = useTranslation();
  const run = useOperation();
  const [merging, setMerging] = useState(false);
  const [keepId, setKeepId] = useState('');
  const mergeButton = useRef<HTMLButtonElement>(null);
  const stopMerging = () => {
    setMerging(false);
    // back to the button that opened the chooser (after it is shown again)
    requestAnimationFrame(() => mergeButton.current?.focus());
  };
  const edit = (changes: Partial<organisations.OrganisationFields>) =>
    run((plan) => organisations.edit(plan, org.id, changes));
  return (
    <article className="card org-card" aria-label={org.name}>
      <div className="field-grid">
        <CommitField
          label={t('orgs.name')}
          limit="name"
          value={org.name}
          disabled={!canEdit}
          onCommit={(name) => edit({ name })}
        />
        <label className="field">
          <span>{t('orgs.kind')}</span>
          <select
            disabled={!canEdit}
            value={org.kind}
            onChange={(event) => edit({ kind: event.target.value as OrgKind })}
          >
            {ORG_KIND_LIST.map((value) => (
              <option key={value} value={value}>
                {t(`orgKind.${value}`, { ns: 'plan' })}
              </option>
            ))}
          </select>
        </label>
        <CommitField
          label={t('orgs.country')}
          limit="country"
          value={org.country}
          disabled={!canEdit}
          onCommit={(country) => edit({ country })}
        />
        <CommitField
          label={t('orgs.contact')}
          limit="contact"
          value={org.contact}
          disabled={!canEdit}
          onCommit={(contact) => edit({ contact })}
        />
      </div>
      <div className="org-foot">
        <button
          type="button"
          className="link-button"
          onClick={() =>
            setView({
              screen: 'actions',
              filters: { ...NO_FILTERS, orgId: org.id },
              actionId: null,
            })
          }
        >
          {t('orgs.leads', { n: props.leads })} · {t('orgs.partners', { n: props.partners })}
        </button>
        {canEdit && !merging && (
          <>
            <button
              ref={mergeButton}
              type="button"
              onClick={() => {
                setKeepId('');
                setMerging(true);
              }}
            >
              {t('orgs.merge')}
            </button>
            <button
              type="button"
              className="link-button danger-text"
              onClick={() => run((plan) => organisations.remove(plan, org.id))}
            >
              {t('orgs.remove')}
            </button>
          </>
        )}
        {merging && (
          <form
            className="row-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (keepId) run((plan) => organisations.merge(plan, keepId, org.id));
              stopMerging();
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') stopMerging();
            }}
          >
            {/* Choosing does nothing yet: arrow keys on a closed select change its value, and a
                merge re-points every action of this organisation. The button merges. */}
            <label className="field inline">
              <span>{t('orgs.mergeInto', { name: org.name })}</span>
              <select value={keepId} autoFocus onChange={(event) => setKeepId(event.target.value)}>
                <option value="">{t('detail.choose')}</option>
                {props.others
                  .filter((other) => other.id !== org.id)
                  .map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.name}
                    </option>
                  ))}
              </select>
            </label>
            <button type="submit" disabled={!keepId}>
              {t('orgs.mergeConfirm')}
            </button>
            <button type="button" className="link-button" onClick={stopMerging}>
              {t('detail.cancel')}
            </button>
          </form>
        )}
      </div>
    </article>
  );
}
