// An input (or textarea) bound to an action's Y.Text at character level: local typing becomes a
// minimal edit through actions.edit, and remote typing updates the value with the caret mapped
// through the change, so two people can type in one title at once.
import { useEffect, useEffectEvent, useRef, type InputEvent, type KeyboardEvent } from 'react';
import * as actions from '../../../shared/plan/actions';
import { MAX_LENGTH } from '../../../shared/plan/model';
import { watchActionText, type BoundTextField } from '../../../shared/plan/textBinding';
import { useSession } from '../shell/planContext';
import { useOperation } from '../shell/useOperation';
import { warnAtLimit, warnOnOverflow } from './fieldLimit';

/** Keys typed for a field before its input existed, and whether Enter or Escape was among them. */
export interface TypedAhead {
  readonly text: string;
  readonly finished: boolean;
  /** the edit was ended with Escape */
  readonly cancelled?: boolean;
}

interface Props {
  readonly actionId: string;
  readonly field: BoundTextField;
  readonly label: string;
  readonly multiline?: boolean;
  readonly readOnly?: boolean;
  readonly autoFocus?: boolean;
  /** shown while the field is empty (an untitled action's placeholder, in the reader's language) */
  readonly placeholder?: string;
  /** what was typed before the input existed: written as the field's value when it appears */
  readonly takeTypedAhead?: () => TypedAhead;
  /** the first keystroke joins the undo step before it (a new action's title, typed at once) */
  readonly joinStep?: boolean;
  /** called when the typed-ahead keys already ended the edit (Enter, or Escape: cancelled) */
  readonly onFinish?: (cancelled: boolean) => void;
  readonly className?: string;
  readonly onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  readonly onBlur?: () => void;
}

export function BoundTextInput(props: Props) {
  const { actionId, field } = props;
  const session = useSession();
  const run = useOperation();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Set from the first keystroke since the field got the focus: the rest join its undo step.
  const typing = useRef(false);

  // Once the input first shows the text: apply what was typed before it existed.
  const shown = useEffectEvent((input: HTMLInputElement) => {
    const ahead = props.takeTypedAhead?.();
    if (ahead?.text.trim()) {
      const text = ahead.text;
      run((plan) => actions.edit(plan, actionId, { [field]: text }), { sameStep: true });
      typing.current = true;
      input.value = text;
      input.setSelectionRange(text.length, text.length);
    }
    if (ahead?.finished) props.onFinish?.(ahead.cancelled === true);
  });

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    let initialised = false;
    return watchActionText(session.plan, actionId, field, (change) => {
      if (change.local && input.value === change.text) return;
      const focused = document.activeElement === input;
      const start = input.selectionStart ?? 0;
      const end = input.selectionEnd ?? 0;
      input.value = change.text;
      if (!initialised) {
        initialised = true;
        shown(input);
        return;
      }
      if (focused && !change.local) {
        input.setSelectionRange(change.mapIndex(start), change.mapIndex(end));
      }
    });
  }, [session, actionId, field]);

  const onInput = () => {
    const input = ref.current;
    if (!input) return;
    // One undo step per typing in a field: the first keystroke starts it (or joins a new action's
    // creation), the next ones join it while typing goes on (see useOperation).
    const sameStep = typing.current || props.joinStep === true;
    typing.current = true;
    run((plan) => actions.edit(plan, actionId, { [field]: input.value }), { sameStep });
    // The input's maxLength kept the rest of a longer paste or typing: say so (after the edit,
    // whose success clears older notices).
    warnAtLimit(input.value, field);
  };
  const onFocus = () => {
    typing.current = false;
    session.focus({ actionId, field });
  };
  const onBlur = () => {
    session.focus(null);
    props.onBlur?.();
  };

  const common = {
    ref,
    'aria-label': props.label,
    className: props.className,
    readOnly: props.readOnly,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    maxLength: MAX_LENGTH[field],
    onBeforeInput: (event: InputEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      warnOnOverflow(event, field),
    onInput,
    onFocus,
    onBlur,
    onKeyDown: props.onKeyDown,
    'data-field': field,
  };
  return props.multiline ? <textarea rows={5} {...common} /> : <input type="text" {...common} />;
}
