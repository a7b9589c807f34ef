// The wire protocol: y-websocket's (y-protocols sync, awareness, auth) plus one message type of our
// own that acknowledges what the server has stored durably. Pure functions: bytes in, bytes out.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import { CLOSE, type CloseCode } from './closeCodes';
import { GATE_REFUSALS } from './updateGate';

/** Top-level message types (the first varUint of every frame). */
export const MESSAGE = {
  /** y-protocols sync: step 1 (state vector), step 2 (missing updates), update */
  sync: 0,
  /** y-protocols awareness update (presence) */
  awareness: 1,
  /** y-protocols auth: the server tells a client it may not do something (viewers' edits) */
  auth: 2,
  /** a client asks for everyone's presence */
  queryAwareness: 3,
  /**
   * Ours: "everything up to this state vector is stored durably", so the UI can say saved.
   * 100 stays clear of y-websocket's 0-3 and of Hocuspocus's 0-8. The stock WebsocketProvider
   * (y-websocket 3, src/y-websocket.js readMessage) looks the type up in
   * provider.messageHandlers; for an unknown type it logs 'Unable to compute message' and sends
   * nothing back, so the message is harmless but noisy. The server therefore sends it only to
   * clients that ask with the `ack=1` URL parameter; our client registers
   * provider.messageHandlers[MESSAGE.stored] to read it.
   */
  stored: 100,
} as const;

/** Sync sub-types (y-protocols/sync). */
export const SYNC = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

/** An incoming frame, checked: every field was fully read before anything acts on it. */
export type ClientMessage =
  | { readonly kind: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'syncStep2' | 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'queryAwareness' };

/** Why a frame was refused; the label on accord_rejected_messages_total. */
export const REJECTIONS = {
  /** every refusal of the update gate (updateGate.ts) */
  ...GATE_REFUSALS,
  /** could not be decoded (random bytes, truncated) */
  malformed: 'malformed',
  /** a message type or sync sub-type the protocol does not have, or one only servers send */
  unknownType: 'unknown_type',
  /** larger than the configured maximum message size */
  oversized: 'oversized',
  /** the connection sent more than its rate limit */
  rateLimited: 'rate_limited',
  /** a viewer's sync step 2 or update */
  viewerEdit: 'viewer_edit',
  /** the client reads too slowly and its send buffer overflowed */
  slowClient: 'slow_client',
  /** a presence entry for a client id another member introduced (counted per entry) */
  foreignPresence: 'foreign_presence',
  /** a presence entry, or one connection's presence, over its size limit */
  presenceTooLarge: 'presence_too_large',
  /** a state vector naming more clients the plan never saw than an update may bring */
  stateVectorTooLarge: 'state_vector_too_large',
  /** more new client ids than the member's daily budget */
  clientIdBudget: 'client_id_budget',
  /** more new client ids a second than the address or the server admits */
  clientIdRate: 'client_id_rate',
  /** nothing sent within firstMessageTimeoutMs of connecting */
  idle: 'idle',
  /** an update doing what the member's role or organisation may not ([S25], authority.ts) */
  notPermitted: 'not_permitted',
} as const;
export type Rejection = (typeof REJECTIONS)[keyof typeof REJECTIONS];

export class ProtocolError extends Error {
  constructor(
    readonly rejection: Rejection,
    message: string,
    /** the close code for the connection that sent it */
    readonly code: CloseCode = CLOSE.protocolError,
  ) {
    super(message);
  }
}

/** Decodes one frame completely, or throws ProtocolError. Never trusts a length it read. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MESSAGE.sync: {
        const subtype = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (subtype === SYNC.step1) message = { kind: 'syncStep1', stateVector: payload };
        else if (subtype === SYNC.step2) message = { kind: 'syncStep2', update: payload };
        else if (subtype === SYNC.update) message = { kind: 'update', update: payload };
        else throw new ProtocolError(REJECTIONS.unknownType, `unknown sync message ${subtype}`);
        break;
      }
      case MESSAGE.awareness:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MESSAGE.queryAwareness:
        message = { kind: 'queryAwareness' };
        break;
      default:
        throw new ProtocolError(REJECTIONS.unknownType, `unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) {
      throw new ProtocolError(REJECTIONS.malformed, 'trailing bytes after the message');
    }
    return message;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(REJECTIONS.malformed, `undecodable frame: ${String(error)}`);
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, update);
  });

export const encodePermissionDenied = (reason: string): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.auth);
    authProtocol.writePermissionDenied(e, reason);
  });

/** Our acknowledgement: the state vector of everything stored durably for this plan. */
export const encodeStored = (stateVector: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.stored);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** Reads our acknowledgement (for clients and tests). */
export function decodeStored(frame: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MESSAGE.stored) return undefined;
  return decoding.readVarUint8Array(decoder);
}

/** The Yjs encoding of an update that carries nothing (no structs, empty delete set). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
