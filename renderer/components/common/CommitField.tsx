// A labelled input that writes when the user leaves it or presses Enter, and follows the plan
// when someone else changes the value while it is not being edited. Dates are typed in the UI
// language's order (DateInput) and written as the plan's ISO dates.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { BoundedField } from '../../../shared/plan/model';
import { DateField, useDateText } from './DateInput';
import { fieldLimit, warnAtLimit } from './fieldLimit';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly type?: 'text' | 'date' | 'number' | 'url';
  readonly disabled?: boolean;
  readonly onCommit: (value: string) => void;
  /** names the field for presence (data-field-name), see FieldsSection */
  readonly name?: string;
  /** shown after the label: who else is editing this field */
  readonly adornment?: ReactNode;
  /** the plan field whose length limit this input keeps (maxLength and the notice at it) */
  readonly limit?: BoundedField;
}

export function CommitField(props: Props) {
  const { label, value, type = 'text', disabled, onCommit } = props;
  const dates = useDateText();
  const isDate = type === 'date';
  // the value as the input shows it: a date in the UI language's order
  const shown = isDate ? dates.show(value) : value;
  // What the user is typing, while the input has the focus; otherwise the input shows `value`.
  const [editing, setEditing] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const draft = editing ?? shown;
  const { limit } = props;
  /** Writes the draft if it changed; false when it is no date (it stays, marked, to be fixed). */
  const commit = (): boolean => {
    const next = isDate ? dates.read(draft) : draft;
    if (next === null) {
      setInvalid(true);
      return false;
    }
    setInvalid(false);
    if (next === value) return true;
    onCommit(next);
    // Committing clears older notices: keep saying that the value was cut at the limit.
    if (limit) warnAtLimit(next, limit);
    return true;
  };
  const common = {
    disabled,
    onFocus: () => setEditing(draft),
    onBlur: () => {
      if (commit()) setEditing(null);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') commit();
      // Escape takes back a changed draft (and only that: the panel around stays open).
      if (event.key === 'Escape' && draft !== shown) {
        event.preventDefault();
        setEditing(shown);
        setInvalid(false);
      }
    },
  };
  if (isDate) {
    return (
      <DateField
        {...common}
        label={label}
        adornment={props.adornment}
        name={props.name}
        value={draft}
        invalid={invalid}
        onChange={setEditing}
      />
    );
  }
  return (
    <label className="field" data-field-name={props.name}>
      <span>
        {label} {props.adornment}
      </span>
      <input
        {...common}
        type={type}
        value={draft}
        {...(limit ? fieldLimit(limit) : {})}
        onChange={(event) => setEditing(event.target.value)}
      />
    </label>
  );
}
