// Comments on an action. Anyone can add one; only its author can edit or delete it. A deleted
// comment keeps its place (and time) so a thread still reads in order.
import type * as Y from 'yjs';
import { action, nested } from './actionEntries';
import { newEntry, writeField } from './fields';
import { COMMENT } from './layout';
import { change, entry, nowIso, PlanError, type Plan } from './plan';
import * as validate from './validate';

export function add(plan: Plan, actionId: string, text: string): string {
  const map = action(plan, actionId);
  checkText(text);
  const id = plan.newId();
  change(plan, () => {
    const comment = newEntry(COMMENT.fields, {
      authorId: plan.actor.id,
      authorName: plan.actor.name,
      at: nowIso(plan),
      text,
    });
    nested(map, 'comments').set(id, comment);
  });
  return id;
}

export function edit(plan: Plan, actionId: string, commentId: string, text: string): void {
  const comment = own(plan, actionId, commentId);
  checkText(text);
  change(plan, () => {
    writeField(comment, COMMENT.fields, 'text', text);
    writeField(comment, COMMENT.fields, 'editedAt', nowIso(plan));
  });
}

export function remove(plan: Plan, actionId: string, commentId: string): void {
  const comment = own(plan, actionId, commentId);
  change(plan, () => {
    writeField(comment, COMMENT.fields, 'text', '');
    writeField(comment, COMMENT.fields, 'deletedAt', nowIso(plan));
  });
}

function own(plan: Plan, actionId: string, commentId: string): Y.Map<unknown> {
  const comments = nested(action(plan, actionId), 'comments') as Y.Map<Y.Map<unknown>>;
  const comment = entry(comments, commentId, 'comment');
  if (comment.get('authorId') !== plan.actor.id) {
    throw new PlanError('forbidden', 'only its author can change a comment');
  }
  if (comment.get('deletedAt')) throw new PlanError('conflict', 'this comment was deleted');
  return comment;
}

function checkText(text: string): void {
  validate.longText(text, 'comment');
  if (text.trim().length === 0)
    throw validate.refuse('comment', 'empty', 'must not be empty (a comment needs text)');
}
