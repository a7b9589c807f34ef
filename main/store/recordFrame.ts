// Framing of the records in a plan's update log: each record is
//   [payload length: u32 LE][CRC32 of payload: u32 LE][payload]
// so that on open a reader can tell a complete record from a torn or corrupted tail. A process
// killed mid-write, or a disk that lost the last sectors on power failure, leaves a tail whose
// length or checksum does not match; everything before it is intact and is kept.
import { crc32 } from '../../shared/crc32';

/** Bytes before each payload: length and checksum. */
export const RECORD_HEADER_BYTES = 8;

/**
 * The largest payload a record may hold. A Yjs update of a whole large plan is a few MiB; the cap
 * stops a corrupted length field from making the reader allocate gigabytes.
 */
export const MAX_RECORD_PAYLOAD_BYTES = 64 * 1024 * 1024;

export function encodeRecord(payload: Uint8Array): Buffer {
  if (payload.byteLength === 0) {
    // Empty records are forbidden so that a zero-filled tail (what some file systems show after a
    // power cut) never reads as a run of valid records: length 0 with CRC 0 would match.
    throw new RangeError('a record must not be empty');
  }
  if (payload.byteLength > MAX_RECORD_PAYLOAD_BYTES) {
    throw new RangeError(
      `record of ${payload.byteLength} bytes exceeds the ${MAX_RECORD_PAYLOAD_BYTES}-byte limit`,
    );
  }
  const frame = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.byteLength);
  frame.writeUInt32LE(payload.byteLength, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  frame.set(payload, RECORD_HEADER_BYTES);
  return frame;
}

export interface DecodedRecords {
  /** Every complete record with a matching checksum, in order. */
  readonly payloads: Uint8Array[];
  /** Bytes of the valid prefix; anything after it is a torn or corrupt tail. */
  readonly validLength: number;
}

/**
 * Reads records until the first incomplete or corrupt one. Records after a corrupt one are not
 * trusted even if they look valid: the log is append-only, so damage in the middle means the
 * tail was written over garbage or the file was tampered with.
 */
export function decodeRecords(bytes: Uint8Array): DecodedRecords {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloads: Uint8Array[] = [];
  let offset = 0;
  while (offset + RECORD_HEADER_BYTES <= view.byteLength) {
    const length = view.readUInt32LE(offset);
    const checksum = view.readUInt32LE(offset + 4);
    const start = offset + RECORD_HEADER_BYTES;
    const end = start + length;
    if (length === 0 || length > MAX_RECORD_PAYLOAD_BYTES || end > view.byteLength) break;
    const payload = view.subarray(start, end);
    if (crc32(payload) !== checksum) break;
    // Copy so callers may keep the payload after the file buffer is released.
    payloads.push(new Uint8Array(payload));
    offset = end;
  }
  return { payloads, validLength: offset };
}
