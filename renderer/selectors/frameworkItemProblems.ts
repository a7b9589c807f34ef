// The user's words for a line that previewFrameworkItems (shared/imports) could not take: it
// reports each problem in English for logs, so the kind is read back from that message. Pure.
import type { FrameworkItemProblem } from '../../shared/imports/importFrameworkItems';

/** Keys of ui `importItems.problem`. */
export type ItemProblemKind = 'badLine' | 'badCode' | 'badTitle' | 'duplicate' | 'badKind';

export function itemProblemKind(problem: FrameworkItemProblem): ItemProblemKind {
  const { message } = problem;
  if (message.startsWith('kind must be')) return 'badKind';
  if (message.startsWith('a code is')) return 'badCode';
  if (message.startsWith('a title is')) return 'badTitle';
  if (message.includes('listed twice')) return 'duplicate';
  return 'badLine';
}
