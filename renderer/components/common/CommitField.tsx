// A labelled input that writes when the user leaves it or presses Enter (dates: when picked), and
// follows the plan when someone else changes the value while it is not being edited.
import { useState, type ReactNode } from 'react';
import type { BoundedField } from '../../../shared/plan/model';
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
  // What the user is typing, while the input has the focus; otherwise the input shows `value`.
  const [editing, setEditing] = useState<string | null>(null);
  const draft = editing ?? value;
  const { limit } = props;
  const commit = (next: string) => {
    if (next === value) return;
    onCommit(next);
    // Committing clears older notices: keep saying that the value was cut at the limit.
    if (limit) warnAtLimit(next, limit);
  };
  return (
    <label className="field" data-field-name={props.name}>
      <span>
        {label} {props.adornment}
      </span>
      <input
        type={type}
        value={draft}
        disabled={disabled}
        {...(limit ? fieldLimit(limit) : {})}
        onFocus={() => setEditing(value)}
        onChange={(event) => {
          setEditing(event.target.value);
          if (type === 'date') commit(event.target.value);
        }}
        onBlur={() => {
          setEditing(null);
          if (type !== 'date') commit(draft);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(draft);
          // Escape takes back a changed draft (and only that: the panel around stays open).
          if (event.key === 'Escape' && draft !== value) {
            event.preventDefault();
            setEditing(value);
          }
        }}
      />
    </label>
  );
}
