// `.accord` plan files: a plan's whole CRDT state plus metadata, for exchanging work without a
// connection (USB stick, e-mail). Opening a file of a plan one already has merges it, because
// the content is a Yjs update. Pure: encodes to and decodes from bytes; callers do the I/O.
//
// Layout (integers big-endian):
//   magic              11 bytes  0x89 "ACCORD" \r \n 0x1A \n
//   format version     u16
//   metadata length    u32, then that many bytes of UTF-8 JSON (PlanFileMetadata)
//   state length       u32, then that many bytes: Y.encodeStateAsUpdate of the plan
//   checksum           u32 CRC-32 of every byte before it
// The magic and the version field never move, so any future version can still be recognised
// and refused clearly by an older app.
import * as Y from 'yjs';
import { z } from 'zod';
import { crc32 } from './crc32';

/**
 * PNG's trick: the high byte catches 7-bit transfers, CR LF and LF catch line-ending
 * conversion, and 0x1A stops `type` on Windows from printing the binary.
 */
export const PLAN_FILE_MAGIC = Uint8Array.of(
  0x89,
  0x41, // A
  0x43, // C
  0x43, // C
  0x4f, // O
  0x52, // R
  0x44, // D
  0x0d,
  0x0a,
  0x1a,
  0x0a,
);

/** The format this app writes; it reads this and every earlier one. */
export const PLAN_FILE_FORMAT_VERSION = 1;

export const PLAN_FILE_EXTENSION = '.accord';

/** Characters no file system accepts in a name (Windows is the strictest), and controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const MAX_FILE_NAME_LENGTH = 100;

/**
 * A plan title as a file name: same words, nothing a file system would refuse. The desktop's save
 * dialog suggests it and the web app downloads under it.
 */
export function planFileName(title: string): string {
  const base = title.replace(UNSAFE_FILE_NAME, '_').replace(/\s+/g, ' ').trim();
  // Leading dots would hide the file on macOS and Linux.
  const visible = base.replace(/^\.+/, '').slice(0, MAX_FILE_NAME_LENGTH).trim();
  return `${visible || 'plan'}${PLAN_FILE_EXTENSION}`;
}

/** Metadata is a few hundred bytes; the cap keeps a hostile file from allocating much. */
export const MAX_PLAN_FILE_METADATA_BYTES = 64 * 1024;

/** Larger than any real plan's state by far; callers should refuse bigger files before reading. */
export const MAX_PLAN_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Plan ids are random UUIDs; this pattern accepts those and other simple ids and
 * nothing that could act as a path, since the desktop store uses the id as a folder name.
 */
export const PLAN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

const MAX_TITLE_LENGTH = 1000;

export const planFileMetadata = z.strictObject({
  planId: z.string().regex(PLAN_ID_PATTERN),
  title: z.string().max(MAX_TITLE_LENGTH),
  /** ISO timestamp */
  exportedAt: z.iso.datetime(),
  /** the version of the app that wrote the file, for support ("which build wrote this?") */
  appVersion: z.string().min(1).max(64),
});
export type PlanFileMetadata = z.infer<typeof planFileMetadata>;

export interface PlanFile {
  readonly metadata: PlanFileMetadata;
  /** the plan's state as one Yjs update: apply it to a Y.Doc or append it to the store */
  readonly state: Uint8Array;
}

/** Why a file could not be opened; every code has a message a person can act on. */
export const PLAN_FILE_ERRORS = {
  /** not an Accord plan file at all (another program's file, a renamed document) */
  foreign: 'foreign',
  /** an Accord plan file that ends early (an interrupted copy or download) */
  truncated: 'truncated',
  /** an Accord plan file whose bytes were damaged, or whose content is invalid */
  corrupt: 'corrupt',
  /** written by a newer version of Accord in a format this version cannot read */
  newer_version: 'newer_version',
} as const;
export type PlanFileErrorCode = keyof typeof PLAN_FILE_ERRORS;

export interface PlanFileError {
  readonly code: PlanFileErrorCode;
  readonly message: string;
}

export type PlanFileDecodeResult =
  | { readonly ok: true; readonly file: PlanFile }
  | { readonly ok: false; readonly error: PlanFileError };

const VERSION_BYTES = 2;
const LENGTH_BYTES = 4;
const CHECKSUM_BYTES = 4;

export function encodePlanFile(file: PlanFile): Uint8Array {
  const metadata = new TextEncoder().encode(JSON.stringify(planFileMetadata.parse(file.metadata)));
  if (metadata.byteLength > MAX_PLAN_FILE_METADATA_BYTES) {
    throw new RangeError('plan file metadata is too large');
  }
  const size =
    PLAN_FILE_MAGIC.byteLength +
    VERSION_BYTES +
    LENGTH_BYTES +
    metadata.byteLength +
    LENGTH_BYTES +
    file.state.byteLength +
    CHECKSUM_BYTES;
  if (size > MAX_PLAN_FILE_BYTES) throw new RangeError('plan is too large for a plan file');
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  bytes.set(PLAN_FILE_MAGIC, offset);
  offset += PLAN_FILE_MAGIC.byteLength;
  view.setUint16(offset, PLAN_FILE_FORMAT_VERSION);
  offset += VERSION_BYTES;
  view.setUint32(offset, metadata.byteLength);
  offset += LENGTH_BYTES;
  bytes.set(metadata, offset);
  offset += metadata.byteLength;
  view.setUint32(offset, file.state.byteLength);
  offset += LENGTH_BYTES;
  bytes.set(file.state, offset);
  offset += file.state.byteLength;
  view.setUint32(offset, crc32(bytes.subarray(0, offset)));
  return bytes;
}

function failure(code: PlanFileErrorCode, message: string): PlanFileDecodeResult {
  return { ok: false, error: { code, message } };
}

/** Checks everything about a file before returning it; never throws on bad input. */
export function decodePlanFile(bytes: Uint8Array): PlanFileDecodeResult {
  const magicSeen = bytes.subarray(0, PLAN_FILE_MAGIC.byteLength);
  if (!magicSeen.every((byte, index) => byte === PLAN_FILE_MAGIC[index])) {
    return failure('foreign', 'This is not an Accord plan file.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = PLAN_FILE_MAGIC.byteLength;
  const truncated = failure(
    'truncated',
    'This plan file is incomplete: it ends early, perhaps because a copy or download was interrupted.',
  );
  if (bytes.byteLength < offset + VERSION_BYTES) return truncated;
  const version = view.getUint16(offset);
  offset += VERSION_BYTES;
  if (version > PLAN_FILE_FORMAT_VERSION) {
    return failure(
      'newer_version',
      `This plan file was written by a newer version of Accord (file format ${version}; this ` +
        `version reads up to ${PLAN_FILE_FORMAT_VERSION}). Update Accord to open it.`,
    );
  }
  if (version === 0) return failure('corrupt', 'This plan file is damaged (format version 0).');

  if (bytes.byteLength < offset + LENGTH_BYTES) return truncated;
  const metadataLength = view.getUint32(offset);
  offset += LENGTH_BYTES;
  if (metadataLength > MAX_PLAN_FILE_METADATA_BYTES) {
    return failure('corrupt', 'This plan file is damaged (its metadata length is impossible).');
  }
  if (bytes.byteLength < offset + metadataLength) return truncated;
  const metadataBytes = bytes.subarray(offset, offset + metadataLength);
  offset += metadataLength;

  if (bytes.byteLength < offset + LENGTH_BYTES) return truncated;
  const stateLength = view.getUint32(offset);
  offset += LENGTH_BYTES;
  if (bytes.byteLength < offset + stateLength + CHECKSUM_BYTES) return truncated;
  const state = bytes.subarray(offset, offset + stateLength);
  offset += stateLength;

  if (view.getUint32(offset) !== crc32(bytes.subarray(0, offset))) {
    return failure('corrupt', 'This plan file is damaged: its checksum does not match.');
  }
  offset += CHECKSUM_BYTES;
  if (offset !== bytes.byteLength) {
    return failure('corrupt', 'This plan file is damaged: it has extra bytes at the end.');
  }

  let metadataJson: unknown;
  try {
    metadataJson = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(metadataBytes));
  } catch {
    return failure('corrupt', 'This plan file is damaged: its metadata is not readable.');
  }
  const metadata = planFileMetadata.safeParse(metadataJson);
  if (!metadata.success) {
    return failure('corrupt', 'This plan file is damaged: its metadata is invalid.');
  }
  if (!isYjsUpdate(state)) {
    return failure('corrupt', 'This plan file is damaged: its plan content is not readable.');
  }
  // Copy: the caller may keep the state after releasing the file's buffer.
  return { ok: true, file: { metadata: metadata.data, state: state.slice() } };
}

function isYjsUpdate(state: Uint8Array): boolean {
  if (state.byteLength === 0) return false;
  try {
    // Applying to a scratch doc checks more than decodeUpdate: the structs must integrate.
    Y.applyUpdate(new Y.Doc(), state);
    return true;
  } catch {
    return false;
  }
}
