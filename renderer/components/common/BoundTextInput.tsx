// An input (or textarea) bound to an action's Y.Text at character level: local typing becomes a
// minimal edit through actions.edit, and remote typing updates the value with the caret mapped
// through the change, so two people can type in one title at once.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import * as actions from '../../../shared/plan/actions';
import { watchActionText, type BoundTextField } from '../../../shared/plan/textBinding';
import { useSession } from '../shell/planContext';
import { useOperation } from '../shell/useOperation';

interface Props {
  readonly actionId: string;
  readonly field: BoundTextField;
  readonly label: string;
  readonly multiline?: boolean;
  readonly readOnly?: boolean;
  readonly autoFocus?: boolean;
  /** select the whole text once it is shown (a placeholder title that typing should replace) */
  readonly selectAll?: boolean;
  readonly className?: string;
  readonly onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  readonly onBlur?: () => void;
}

export function BoundTextInput(props: Props) {
  const { actionId, field } = props;
  const session = useSession();
  const run = useOperation();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    let selected = false;
    return watchActionText(session.plan, actionId, field, (change) => {
      if (change.local && input.value === change.text) return;
      const focused = document.activeElement === input;
      const start = input.selectionStart ?? 0;
      const end = input.selectionEnd ?? 0;
      input.value = change.text;
      if (props.selectAll && !selected) {
        selected = true;
        input.select();
      } else if (focused && !change.local) {
        input.setSelectionRange(change.mapIndex(start), change.mapIndex(end));
      }
    });
    // props.selectAll is read once, when the input first shows the text.
  }, [session, actionId, field]);

  const onInput = () => {
    const input = ref.current;
    if (!input) return;
    // A title cannot be empty; keep the input as typed and write once it has text again.
    if (field === 'title' && input.value.trim() === '') return;
    run((plan) => actions.edit(plan, actionId, { [field]: input.value }));
  };
  const onFocus = () => session.focus({ actionId, field });
  const onBlur = () => {
    session.focus(null);
    props.onBlur?.();
  };

  const common = {
    ref,
    'aria-label': props.label,
    className: props.className,
    readOnly: props.readOnly,
    autoFocus: props.autoFocus,
    onInput,
    onFocus,
    onBlur,
    onKeyDown: props.onKeyDown,
    'data-field': field,
  };
  return props.multiline ? <textarea rows={5} {...common} /> : <input type="text" {...common} />;
}
