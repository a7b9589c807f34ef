// How a person recorded in the plan (the author of a comment or a progress update) is named on
// screen. Entries by this computer's user show their current name, or "You" when they gave none
// (a local-only plan needs no name); a raw id is never shown.
import { useTranslation } from 'react-i18next';
import { localUser } from '../../session/localPlans';
import { useSession } from '../shell/planContext';

export interface RecordedPerson {
  readonly id: string;
  /** the name recorded with the entry; empty when the author had none */
  readonly name: string;
}

export function personName(
  person: RecordedPerson,
  me: RecordedPerson,
  labels: { readonly you: string; readonly unnamed: string },
): string {
  if (person.id === me.id) return me.name.trim() || labels.you;
  const name = person.name.trim();
  // Older copies recorded the first 8 characters of the id when the author had no name.
  if (!name || (person.id.length > 8 && name === person.id.slice(0, 8))) return labels.unnamed;
  return name;
}

/** personName for the open plan, in the chosen language. */
export function usePersonName(): (person: RecordedPerson) => string {
  const { t } = useTranslation();
  const session = useSession();
  const me = { id: session.plan.actor.id, name: localUser().name };
  const labels = { you: t('toolbar.you'), unnamed: t('detail.unnamed') };
  return (person) => personName(person, me, labels);
}
