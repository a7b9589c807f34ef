// The editor of one table cell: writes through shared operations, commits on Enter, Tab or when
// it loses focus (selects at once), and cancels on Escape. Enter moves down a row, Tab
// and Shift+Tab to the next or previous editable cell of the row (ActionTable decides which).
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as actions from '../../../shared/plan/actions';
import { ACTION_STATUS_LIST, type BoundedField } from '../../../shared/plan/model';
import type { Action, Organisation } from '../../../shared/plan/schema';
import { BoundTextInput, type TypedAhead } from '../common/BoundTextInput';
import { DateInput, useDateText } from '../common/DateInput';
import { fieldLimit } from '../common/fieldLimit';
import { useOperation } from '../shell/useOperation';
import type { ColumnId } from './columns';
import { isUntitled } from '../../../shared/plan/views';
import { fieldConflict, shouldWrite } from '../../../shared/plan/fieldConflict';
import { usePlanStore } from '../../state/planStore';

interface Props {
  readonly action: Action;
  readonly column: ColumnId;
  readonly orgs: readonly Organisation[];
  /** keys typed for a new action before this editor existed: they replace its placeholder */
  readonly takeTypedAhead?: () => TypedAhead;
  readonly onDone: (move?: EditMove) => void;
}

/**
 * Where the cursor goes when an edit ends: down a row, or to the next or previous cell; 'cancel'
 * is Escape in a title (a new action left untitled is taken back, see ActionTable).
 */
export type EditMove = 'down' | 'next' | 'previous' | 'cancel';

/** The move a key that ends an edit asks for; undefined for Escape and for other keys. */
export function moveOf(event: KeyboardEvent<HTMLElement>): EditMove | undefined {
  if (event.key === 'Tab') return event.shiftKey ? 'previous' : 'next';
  if (event.key === 'Enter' && !event.shiftKey) return 'down';
  return undefined;
}

export function CellEditor({ action, column, orgs, takeTypedAhead, onDone }: Props) {
  const { t } = useTranslation();
  const run = useOperation();
  // An edit ends once: the blur that follows a key that ended it (the editor is removed, or
  // focus moves to the next cell's editor) must not end the next cell's edit too.
  const ended = useRef(false);
  const finish = (move?: EditMove) => {
    if (ended.current) return;
    ended.current = true;
    onDone(move);
  };
  // The title is written as it is typed; Escape puts back what it was when the edit began,
  // except for an untitled action: what was typed into it is kept (N, type, Escape).
  const [titleBefore] = useState(action.title);
  const wasUntitled = isUntitled({ title: titleBefore });
  const finishKeys = (event: KeyboardEvent<HTMLElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      const before = titleBefore;
      if (column === 'title' && !wasUntitled && action.title !== before) {
        run((plan) => actions.edit(plan, action.id, { title: before }));
      }
      finish(column === 'title' ? 'cancel' : undefined);
      return;
    }
    const move = moveOf(event);
    if (move) {
      event.preventDefault();
      finish(move);
    }
  };

  switch (column) {
    case 'title':
      return (
        <BoundTextInput
          actionId={action.id}
          field="title"
          label={t('table.title')}
          autoFocus
          placeholder={t('untitledAction', { ns: 'plan' })}
          // A new action's title typed at once is undone with the action.
          joinStep={wasUntitled}
          takeTypedAhead={takeTypedAhead}
          onFinish={(cancelled) => finish(cancelled ? 'cancel' : undefined)}
          className="cell-input"
          onKeyDown={finishKeys}
          onBlur={() => finish()}
        />
      );
    case 'ref':
      return (
        <CommitInput
          label={t('table.ref')}
          initial={action.ref}
          updatedBy={action.updatedBy}
          limit="ref"
          onCommit={(ref) => run((plan) => actions.edit(plan, action.id, { ref }))}
          onDone={finish}
        />
      );
    case 'progress':
      return (
        <CommitInput
          label={t('table.progress')}
          initial={String(action.progress)}
          updatedBy={action.updatedBy}
          type="number"
          onCommit={(value) =>
            run((plan) =>
              actions.edit(plan, action.id, {
                progress: Math.round(Math.min(100, Math.max(0, Number(value) || 0))),
              }),
            )
          }
          onDone={finish}
        />
      );
    case 'deadline':
      return (
        <CommitInput
          label={t('table.deadline')}
          initial={action.deadline ?? ''}
          updatedBy={action.updatedBy}
          type="date"
          onCommit={(value) =>
            run((plan) => actions.edit(plan, action.id, { deadline: value || null }))
          }
          onDone={finish}
        />
      );
    case 'lead':
      return (
        <select
          className="cell-input"
          aria-label={t('table.lead')}
          autoFocus
          value={action.leadOrgId ?? ''}
          onKeyDown={finishKeys}
          onBlur={() => finish()}
          onChange={(event) => {
            const leadOrgId = event.target.value || null;
            run((plan) => actions.edit(plan, action.id, { leadOrgId }));
            finish();
          }}
        >
          <option value="">{t('table.none')}</option>
          {orgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      );
    case 'status':
      return (
        <select
          className="cell-input"
          aria-label={t('table.status')}
          autoFocus
          value={action.status}
          onKeyDown={finishKeys}
          onBlur={() => finish()}
          onChange={(event) => {
            const status = event.target.value as Action['status'];
            run((plan) => actions.edit(plan, action.id, { status }));
            finish();
          }}
        >
          {ACTION_STATUS_LIST.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`, { ns: 'plan' })}
            </option>
          ))}
        </select>
      );
    case 'stage':
      return (
        <select
          className="cell-input"
          aria-label={t('table.stage')}
          autoFocus
          value={action.stage}
          onKeyDown={finishKeys}
          onBlur={() => finish()}
          onChange={(event) => {
            const agreed = event.target.value === 'agreed';
            run((plan) =>
              agreed ? actions.agree(plan, action.id) : actions.propose(plan, action.id),
            );
            finish();
          }}
        >
          <option value="proposed">{t('stage.proposed', { ns: 'plan' })}</option>
          <option value="agreed">{t('stage.agreed', { ns: 'plan' })}</option>
        </select>
      );
    default:
      return null;
  }
}

function CommitInput(props: {
  label: string;
  /** the plan's value now: it changes while the input is open when someone else edits it */
  initial: string;
  /** who last changed the action (a member id), to say who changed the field */
  updatedBy: string | null;
  type?: 'text' | 'number' | 'date';
  /** the plan field whose length limit the input keeps */
  limit?: BoundedField;
  onCommit: (value: string) => void;
  onDone: (move?: EditMove) => void;
}) {
  const { t } = useTranslation();
  const peers = usePlanStore((state) => state.peers);
  const dates = useDateText();
  const isDate = props.type === 'date';
  // Everything below compares values as the input shows them (a date in the UI language's
  // order); what is written is read back into the plan's form.
  const initial = isDate ? dates.show(props.initial) : props.initial;
  const [value, setValue] = useState(initial);
  // The plan's value this edit is based on: someone else's change moves it (and is said here).
  const [started, setStarted] = useState(initial);
  const [told, setTold] = useState<{ by: string; theirs: string } | null>(null);
  const [invalid, setInvalid] = useState(false);
  const by = peers.find((peer) => peer.id === props.updatedBy)?.name ?? t('conflict.someone');
  const conflict = fieldConflict(started, initial, value);
  if (conflict.kind === 'changed') {
    // Nothing typed here yet: the input shows their value at once, and says whose it is.
    setStarted(initial);
    setValue(initial);
    setTold({ by, theirs: initial });
  }
  // Set once a key ended the edit: the blur that follows neither writes nor ends it again.
  const ended = useRef(false);
  /** Writes what was typed if it should be; false when it is no date (the edit stays open). */
  const commit = (): boolean => {
    const next = isDate ? dates.read(value) : value;
    if (next === null) {
      setInvalid(true);
      return false;
    }
    if (shouldWrite(started, initial, value)) props.onCommit(next);
    return true;
  };
  /** A button in the notice must not end the edit by taking the focus from the input. */
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  const inputProps = {
    className: 'cell-input',
    'aria-label': props.label,
    autoFocus: true,
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      event.stopPropagation();
      const move = moveOf(event);
      if (event.key !== 'Escape' && !move) return;
      event.preventDefault();
      // Escape writes nothing; a move writes what was typed, unless it is no date
      if (move && !commit()) return;
      ended.current = true;
      props.onDone(move);
    },
    onBlur: () => {
      if (ended.current) return;
      // a date that is not one yet is not written: the edit ends, the plan keeps its value
      commit();
      props.onDone();
    },
  };
  return (
    <span className="cell-edit">
      {isDate ? (
        <DateInput {...inputProps} value={value} invalid={invalid} onChange={setValue} />
      ) : (
        <input
          {...inputProps}
          type={props.type ?? 'text'}
          value={value}
          min={props.type === 'number' ? 0 : undefined}
          max={props.type === 'number' ? 100 : undefined}
          {...(props.limit ? fieldLimit(props.limit) : {})}
          onChange={(event) => setValue(event.target.value)}
        />
      )}
      {conflict.kind === 'both' ? (
        <span className="field-conflict" role="alert">
          {t('conflict.both', { name: by, value: conflict.theirs })}{' '}
          <button
            type="button"
            onMouseDown={keepFocus}
            onClick={() => {
              setStarted(props.initial);
              setTold(null);
            }}
          >
            {t('conflict.keepMine')}
          </button>
          <button
            type="button"
            onMouseDown={keepFocus}
            onClick={() => {
              setStarted(props.initial);
              setValue(props.initial);
              setTold(null);
            }}
          >
            {t('conflict.takeTheirs')}
          </button>
        </span>
      ) : told ? (
        <span className="field-conflict" role="status">
          {t('conflict.changed', { name: told.by, value: told.theirs })}
        </span>
      ) : null}
    </span>
  );
}
