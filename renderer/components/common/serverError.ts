// What a failed server call says to the user: a server that could not be reached is named, in
// the user's language; a server that answered keeps its own words.
import type { TFunction } from 'i18next';
import { ServerUnreachableError } from '../../session/serverApi';

export function serverErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ServerUnreachableError) {
    return t('errors.serverUnreachable', { host: error.host });
  }
  return error instanceof Error ? error.message : String(error);
}
