// The length limit of a plan field as an input sees it: maxLength from the model's own limits
// (shared/plan/model.ts MAX_LENGTH, the numbers validate.ts enforces), and the field's "shortened
// to N characters" notice when typing or pasting runs into it, since the browser then drops the
// rest without a word.
import type { FormEvent, InputEvent } from 'react';
import { MAX_LENGTH, type BoundedField } from '../../../shared/plan/model';
import { usePlanStore } from '../../state/planStore';

type TextInput = HTMLInputElement | HTMLTextAreaElement;

/** The input kept what fits and that is what gets saved: information, not a refusal. */
function showLimit(field: BoundedField): void {
  usePlanStore.setState({ notice: { kind: 'shortened', field, limit: MAX_LENGTH[field] } });
}

/** Shows the field's limit as a notice when `value` has reached it (the input kept no more). */
export function warnAtLimit(value: string, field: BoundedField): void {
  if (value.length >= MAX_LENGTH[field]) showLimit(field);
}

/** Shows the field's limit when text about to be typed or pasted would not fit. */
export function warnOnOverflow(event: InputEvent<TextInput>, field: BoundedField): void {
  const input = event.currentTarget;
  const selected = (input.selectionEnd ?? 0) - (input.selectionStart ?? 0);
  const inserted = event.data?.length ?? 0;
  if (input.value.length - selected + inserted > MAX_LENGTH[field]) showLimit(field);
}

/** Props for an input or textarea of `field`: the model's maxLength and the notice at it. */
export function fieldLimit(field: BoundedField) {
  return {
    maxLength: MAX_LENGTH[field],
    onBeforeInput: (event: InputEvent<TextInput>) => warnOnOverflow(event, field),
    onInput: (event: FormEvent<TextInput>) => warnAtLimit(event.currentTarget.value, field),
  };
}
