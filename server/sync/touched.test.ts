import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { touchedBy } from './touched';
import type { Touched } from '../storage/store';

/** Builds a plan doc with one action a1 {title: Y.Text, status}, then records what `edit` touched. */
function touched(edit: (doc: Y.Doc) => void): Touched {
  const doc = new Y.Doc();
  const action = new Y.Map<unknown>();
  action.set('title', new Y.Text('Inspect'));
  action.set('status', 'planned');
  action.set('indicators', new Y.Map());
  doc.getMap('actions').set('a1', action);
  doc.getMap('meta').set('id', 'p');
  let result: Touched | undefined;
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    result = touchedBy(doc, transaction);
  });
  edit(doc);
  return result ?? { actions: {}, parts: [] };
}
const a1 = (doc: Y.Doc) => doc.getMap('actions').get('a1') as Y.Map<unknown>;

describe('touched', () => {
  it.each<[string, (doc: Y.Doc) => void, Touched]>([
    [
      'a field set',
      (d) => a1(d).set('status', 'delayed'),
      { actions: { a1: ['status'] }, parts: ['actions'] },
    ],
    [
      'text typed',
      (d) => (a1(d).get('title') as Y.Text).insert(0, 'x'),
      { actions: { a1: ['title'] }, parts: ['actions'] },
    ],
    [
      'nested map',
      (d) => (a1(d).get('indicators') as Y.Map<unknown>).set('i1', 1),
      { actions: { a1: ['indicators'] }, parts: ['actions'] },
    ],
    [
      'a flat member (schema 3) as its field',
      (d) => a1(d).set('partner:o1', true),
      { actions: { a1: ['partnerOrgIds'] }, parts: ['actions'] },
    ],
    [
      'action added',
      (d) => d.getMap('actions').set('a2', new Y.Map()),
      { actions: { a2: ['*'] }, parts: ['actions'] },
    ],
    [
      'two actions',
      (d) =>
        d.transact(() => {
          a1(d).set('progress', 5);
          d.getMap('actions').set('a2', new Y.Map());
        }),
      { actions: { a1: ['progress'], a2: ['*'] }, parts: ['actions'] },
    ],
    ['meta only', (d) => d.getMap('meta').set('country', 'TM'), { actions: {}, parts: ['meta'] }],
  ])('[S13] %s', (_name, edit, expected) => {
    expect(touched(edit)).toEqual(expected);
  });
});
