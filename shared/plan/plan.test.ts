import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { newText, replaceText } from './plan';
import { syncDocs } from './testing';

describe('replaceText', () => {
  it.each([
    ['', 'hello'],
    ['hello', ''],
    ['hello', 'help'],
    ['Ministry of Labour', 'Ministry of Labour and Social Protection'],
    ['абв', 'абвгд'],
    ['Ýaşlar üçin', 'Ýaşlar üçin iş'],
    ['emoji 😀 here', 'emoji 😃 here'],
    ['😀😀', '😀'],
    ['aaa', 'aa'],
    ['<script>', '<script>alert(1)</script>'],
  ])('turns %j into %j', (from, to) => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, from);
    replaceText(text, to);
    expect(text.toString()).toBe(to);
  });

  it('keeps a concurrent edit made elsewhere in the same text', () => {
    const a = new Y.Doc();
    a.getMap('m').set('title', newText('Train labour inspectors'));
    const b = new Y.Doc();
    syncDocs(a, b);
    replaceText(a.getMap('m').get('title') as Y.Text, 'Train 200 labour inspectors');
    replaceText(b.getMap('m').get('title') as Y.Text, 'Train labour inspectors in every region');
    syncDocs(a, b);
    const merged = (a.getMap('m').get('title') as Y.Text).toString();
    expect(merged).toBe('Train 200 labour inspectors in every region');
    expect((b.getMap('m').get('title') as Y.Text).toString()).toBe(merged);
  });

  it('writes nothing when the text is unchanged', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'same');
    let updates = 0;
    doc.on('update', () => updates++);
    replaceText(text, 'same');
    expect(updates).toBe(0);
  });
});
