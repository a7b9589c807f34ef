// Comments on an action: newest last; their author may edit them in place (Enter or Save
// commits, Escape or Cancel leaves the text as it was) or remove them. An edited comment says so.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as comments from '../../../shared/plan/comments';
import type { Action, Comment } from '../../../shared/plan/schema';
import { useFormat } from '../common/format';
import { usePersonName } from '../common/personName';
import { useSession } from '../shell/planContext';
import { useOperation } from '../shell/useOperation';
import { fieldLimit } from '../common/fieldLimit';

export function CommentsSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const run = useOperation();
  const session = useSession();
  const [text, setText] = useState('');
  return (
    <section className="detail-section" aria-labelledby="comments-head">
      <h3 id="comments-head">{t('detail.comments')}</h3>
      {action.comments.length === 0 && <p className="muted">{t('detail.none')}</p>}
      <ul className="thread">
        {action.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            actionId={action.id}
            comment={comment}
            // comments.edit and comments.remove refuse anyone but the author
            own={canEdit && !comment.deletedAt && comment.authorId === session.plan.actor.id}
          />
        ))}
      </ul>
      {canEdit && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() && run((plan) => comments.add(plan, action.id, text.trim())))
              setText('');
          }}
        >
          <label className="field block">
            <span>{t('detail.commentText')}</span>
            <textarea
              rows={2}
              value={text}
              {...fieldLimit('comment')}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
          <button type="submit" disabled={!text.trim()}>
            {t('detail.addComment')}
          </button>
        </form>
      )}
    </section>
  );
}

function CommentItem(props: { actionId: string; comment: Comment; own: boolean }) {
  const { actionId, comment, own } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const nameOf = usePersonName();
  const [draft, setDraft] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const stopEditing = () => {
    setDraft(null);
    // Back to the button that started the edit, so the keyboard user keeps their place.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const save = () => {
    if (draft === null) return;
    const text = draft.trim();
    if (!text) return;
    if (text === comment.text) stopEditing();
    // a refusal keeps the editor open with the text (the notice says why)
    else {
      const edited = run((plan) => {
        comments.edit(plan, actionId, comment.id, text);
        return true;
      });
      if (edited) stopEditing();
    }
  };
  const editing = own && draft !== null;
  const helpId = `comment-edit-help-${comment.id}`;
  return (
    <li>
      <div className="thread-meta">
        <strong>{nameOf({ id: comment.authorId, name: comment.authorName })}</strong> ·{' '}
        {format.date(comment.at)}
        {comment.editedAt && !comment.deletedAt && (
          <>
            {' '}
            ·{' '}
            <span title={t('detail.commentEditedAt', { when: format.date(comment.editedAt) })}>
              {t('detail.commentEdited')}
            </span>
          </>
        )}
      </div>
      {comment.deletedAt ? (
        <em className="muted">{t('detail.removedComment')}</em>
      ) : editing ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <textarea
            rows={2}
            aria-label={t('detail.editComment')}
            aria-describedby={helpId}
            autoFocus
            value={draft}
            {...fieldLimit('comment')}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault();
                save();
              } else if (event.key === 'Escape') {
                // only the edit is cancelled, not the detail panel
                event.preventDefault();
                event.stopPropagation();
                stopEditing();
              }
            }}
          />
          <p id={helpId} className="hint">
            {t('detail.commentEditHelp')}
          </p>
          <span>
            <button type="submit" disabled={!draft.trim()}>
              {t('detail.saveComment')}
            </button>{' '}
            <button type="button" className="link-button" onClick={stopEditing}>
              {t('detail.cancelEdit')}
            </button>
          </span>
        </form>
      ) : (
        <p className="pre">{comment.text}</p>
      )}
      {own && !editing && (
        <>
          <button
            ref={editButton}
            type="button"
            className="link-button"
            onClick={() => setDraft(comment.text)}
          >
            {t('detail.editComment')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => run((plan) => comments.remove(plan, actionId, comment.id))}
          >
            {t('detail.removeComment')}
          </button>
        </>
      )}
    </li>
  );
}
