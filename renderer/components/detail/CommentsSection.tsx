// Comments on an action: newest last, removable by their author.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as comments from '../../../shared/plan/comments';
import type { Action } from '../../../shared/plan/schema';
import { useFormat } from '../common/format';
import { usePersonName } from '../common/personName';
import { useSession } from '../shell/planContext';
import { useOperation } from '../shell/useOperation';
import { fieldLimit } from '../common/fieldLimit';

export function CommentsSection({ action, canEdit }: { action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useOperation();
  const session = useSession();
  const nameOf = usePersonName();
  const [text, setText] = useState('');
  return (
    <section className="detail-section" aria-labelledby="comments-head">
      <h3 id="comments-head">{t('detail.comments')}</h3>
      {action.comments.length === 0 && <p className="muted">{t('detail.none')}</p>}
      <ul className="thread">
        {action.comments.map((comment) => (
          <li key={comment.id}>
            <div className="thread-meta">
              <strong>{nameOf({ id: comment.authorId, name: comment.authorName })}</strong> ·{' '}
              {format.date(comment.at)}
            </div>
            {comment.deletedAt ? (
              <em className="muted">{t('detail.removedComment')}</em>
            ) : (
              <p className="pre">{comment.text}</p>
            )}
            {canEdit && !comment.deletedAt && comment.authorId === session.plan.actor.id && (
              <button
                type="button"
                className="link-button"
                onClick={() => run((plan) => comments.remove(plan, action.id, comment.id))}
              >
                {t('detail.removeComment')}
              </button>
            )}
          </li>
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
