// The user's words for a line that previewFrameworkItems (shared/imports) could not take: the
// problem's code picks the text. Pure.
import type {
  FrameworkItemProblem,
  FrameworkItemProblemCode,
} from '../../shared/imports/importFrameworkItems';

/** Keys of ui `importItems.problem`. */
export type ItemProblemKind = 'badLine' | 'badCode' | 'badTitle' | 'duplicate' | 'badKind';

const KINDS = {
  bad_line: 'badLine',
  bad_code: 'badCode',
  bad_title: 'badTitle',
  duplicate_code: 'duplicate',
  bad_kind: 'badKind',
} as const satisfies Record<FrameworkItemProblemCode, ItemProblemKind>;

export function itemProblemKind(problem: FrameworkItemProblem): ItemProblemKind {
  return KINDS[problem.code];
}
