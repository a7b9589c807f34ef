import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as actions from './plan/actions';
import { TestPlan } from './plan/testing';
import {
  PLAN_FILE_FORMAT_VERSION,
  PLAN_FILE_MAGIC,
  decodePlanFile,
  encodePlanFile,
  type PlanFileErrorCode,
} from './planFile';
import { crc32 } from './crc32';

const metadata = {
  planId: '3f1c2a9e-0b7d-4e38-9a51-6f0d2c4b8e11',
  title: 'National action plan on decent work',
  exportedAt: '2026-03-01T10:00:00.000Z',
  appVersion: '0.1.0',
};

function fileOf(test: TestPlan): Uint8Array {
  return encodePlanFile({ metadata, state: Y.encodeStateAsUpdate(test.doc) });
}

function decodedOrThrow(bytes: Uint8Array) {
  const result = decodePlanFile(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.file;
}

function errorCode(bytes: Uint8Array): PlanFileErrorCode | 'ok' {
  const result = decodePlanFile(bytes);
  return result.ok ? 'ok' : result.error.code;
}

/** Re-seals a modified file with a correct checksum, to reach the checks behind it. */
function resealed(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(copy.byteLength - 4, crc32(copy.subarray(0, -4)));
  return copy;
}

describe('plan files', () => {
  it('round-trips the metadata and the plan', () => {
    const original = TestPlan.withActions(3);
    const file = decodedOrThrow(fileOf(original));
    expect(file.metadata).toEqual(metadata);
    const opened = TestPlan.empty({ doc: new Y.Doc() });
    Y.applyUpdate(opened.doc, file.state);
    expect(opened.snapshot().actions.map((action) => action.title)).toEqual([
      'Action 1',
      'Action 2',
      'Action 3',
    ]);
  });

  it('merges a file into a replica edited apart, and both replicas converge', () => {
    const ministry = TestPlan.withActions(2);
    const partner = ministry.replica({ id: 'member-2', name: 'Partner NGO' }, 'partner-');
    // Edited apart, with no connection: each side adds and changes different things.
    actions.edit(ministry.plan, ministry.actionId(0), { progress: 40, status: 'in_progress' });
    actions.create(ministry.plan, { title: 'Train labour inspectors' });
    actions.create(partner.plan, { title: 'Publish a hotline for forced labour reports' });
    actions.edit(partner.plan, partner.actionId(1), { contact: 'hotline@partner.example' });

    // Exchange by file, both ways (e-mail, USB stick).
    Y.applyUpdate(partner.doc, decodedOrThrow(fileOf(ministry)).state);
    Y.applyUpdate(ministry.doc, decodedOrThrow(fileOf(partner)).state);

    expect(partner.snapshot()).toEqual(ministry.snapshot());
    const titles = ministry.snapshot().actions.map((action) => action.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Train labour inspectors',
        'Publish a hotline for forced labour reports',
      ]),
    );
    expect(ministry.snapshot().actions[0]).toMatchObject({ progress: 40, status: 'in_progress' });
    expect(ministry.snapshot().actions[1]).toMatchObject({ contact: 'hotline@partner.example' });
  });

  it('opening the same file twice changes nothing the second time', () => {
    const source = TestPlan.withActions(2);
    const target = TestPlan.withActions(0);
    const bytes = fileOf(source);
    Y.applyUpdate(target.doc, decodedOrThrow(bytes).state);
    const once = target.snapshot();
    Y.applyUpdate(target.doc, decodedOrThrow(bytes).state);
    expect(target.snapshot()).toEqual(once);
  });

  const good = fileOf(TestPlan.withActions(1));
  const withVersion = (version: number) => {
    const copy = good.slice();
    new DataView(copy.buffer).setUint16(PLAN_FILE_MAGIC.byteLength, version);
    return copy;
  };
  const withMetadata = (json: string) =>
    rebuild(json, Y.encodeStateAsUpdate(TestPlan.withActions(1).doc));

  it.each<[string, PlanFileErrorCode | 'ok', Uint8Array]>([
    ['a good file', 'ok', good],
    ['an empty file', 'truncated', new Uint8Array(0)],
    ['a PDF', 'foreign', new TextEncoder().encode('%PDF-1.7\n...')],
    [
      'a ZIP (an .xlsx renamed)',
      'foreign',
      Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0),
    ],
    ['a bare Yjs update', 'foreign', Y.encodeStateAsUpdate(TestPlan.withActions(1).doc)],
    ['a file with CRLF line endings forced on it', 'foreign', crlf(good)],
    ['only the magic', 'truncated', PLAN_FILE_MAGIC],
    ['a file cut in the metadata', 'truncated', good.subarray(0, 40)],
    ['a file cut just before the checksum', 'truncated', good.subarray(0, good.byteLength - 4)],
    ['a file missing its last byte', 'truncated', good.subarray(0, good.byteLength - 1)],
    ['a flipped bit in the plan state', 'corrupt', flipped(good, good.byteLength - 10)],
    ['a flipped bit in the metadata', 'corrupt', flipped(good, 25)],
    ['a flipped checksum', 'corrupt', flipped(good, good.byteLength - 1)],
    ['extra bytes after the checksum', 'corrupt', concat(good, Uint8Array.of(0))],
    ['format version 0', 'corrupt', withVersion(0)],
    ['a newer format version', 'newer_version', withVersion(PLAN_FILE_FORMAT_VERSION + 1)],
    ['the largest format version', 'newer_version', withVersion(0xffff)],
    ['metadata that is not JSON', 'corrupt', withMetadata('{not json')],
    [
      'metadata with a path as plan id',
      'corrupt',
      withMetadata(JSON.stringify({ ...metadata, planId: '../x' })),
    ],
    [
      'metadata with an unknown field',
      'corrupt',
      withMetadata(JSON.stringify({ ...metadata, run: 'rm -rf' })),
    ],
    [
      'a valid checksum over state that is not Yjs',
      'corrupt',
      rebuild(JSON.stringify(metadata), Uint8Array.of(0xff, 0xff, 0xff)),
    ],
  ])('%s reads as %s', (_name, expected, bytes) => {
    expect(errorCode(bytes)).toBe(expected);
  });

  it('says what to do about a newer file in its message', () => {
    const result = decodePlanFile(withVersion(PLAN_FILE_FORMAT_VERSION + 1));
    expect(!result.ok && result.error.message).toMatch(/newer version of Accord.*Update Accord/);
  });

  it('refuses to write metadata that would not read back', () => {
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    expect(() => encodePlanFile({ metadata: { ...metadata, planId: 'a/b' }, state })).toThrow();
    expect(() =>
      encodePlanFile({ metadata: { ...metadata, exportedAt: 'yesterday' }, state }),
    ).toThrow();
  });

  it('reads back an untitled, empty plan', () => {
    const bytes = encodePlanFile({
      metadata: { ...metadata, title: '' },
      state: Y.encodeStateAsUpdate(new Y.Doc()),
    });
    expect(decodedOrThrow(bytes).metadata.title).toBe('');
  });
});

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function crlf(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from([...bytes].flatMap((byte) => (byte === 0x0a ? [0x0d, 0x0a] : [byte])));
}

/** A file with this metadata text and state, laid out as the format says and correctly sealed. */
function rebuild(metadataJson: string, state: Uint8Array): Uint8Array {
  const metadataBytes = new TextEncoder().encode(metadataJson);
  const header = new Uint8Array(2 + 4);
  new DataView(header.buffer).setUint16(0, PLAN_FILE_FORMAT_VERSION);
  new DataView(header.buffer).setUint32(2, metadataBytes.byteLength);
  const stateLength = new Uint8Array(4);
  new DataView(stateLength.buffer).setUint32(0, state.byteLength);
  return resealed(
    concat(PLAN_FILE_MAGIC, header, metadataBytes, stateLength, state, new Uint8Array(4)),
  );
}
