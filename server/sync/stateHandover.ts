// What a joining peer lacks of a plan, as a series of bounded updates ([S22]). The state is encoded
// once, in pieces per client and clock range, and kept for every later join: an encoded range of
// structs stays a valid update for as long as the plan lives (as the stored log's old updates do),
// so edits only append pieces and refresh the delete set. Each piece is built when asked for, so a
// large plan never holds the event loop for one whole encode, and no frame exceeds the size limit.
// Hand-written over Yjs's struct store: Yjs encodes a state only as one update, or a diff from a
// state vector with no upper bound.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Encoded structs of one client, clocks [from, to), as a complete update (empty delete set). */
interface Piece {
  readonly from: number;
  readonly to: number;
  readonly update: Uint8Array;
}

/**
 * One handover's steps: a piece of structs to send, or null when the step only encoded a piece
 * this peer already has (it yields so the event loop can run); its return value is the last
 * update, the delete set, which completes the state.
 */
export type Handover = Generator<Uint8Array | null, Uint8Array>;

export class StateHandover {
  /** per client, pieces contiguous from clock 0 and in clock order */
  private readonly pieces = new Map<number, Piece[]>();
  /** the delete set as an update; null once an update may have changed it */
  private deleteSet: Uint8Array | null = null;

  constructor(
    private readonly doc: Y.Doc,
    /** the encoded structs of a piece stop at the first struct that reaches this size */
    private readonly pieceBytes: number,
  ) {
    doc.on('update', this.changed);
  }

  /**
   * What a peer holding `stateVector` lacks, built step by step from the plan as it is at each
   * step. Clients go highest id first, as Yjs writes them (its conflict resolution is cheapest
   * that way).
   */
  *missing(stateVector: Map<number, number>): Handover {
    const clients = [...this.doc.store.clients.keys()].sort((a, b) => b - a);
    for (const client of clients) {
      const held = stateVector.get(client) ?? 0;
      const pieces = this.pieces.get(client) ?? [];
      this.pieces.set(client, pieces);
      for (let i = 0; ; i++) {
        let piece = pieces[i];
        if (!piece) {
          const covered = pieces[pieces.length - 1]?.to ?? 0;
          if (covered >= Y.getState(this.doc.store, client)) break;
          piece = this.encode(client, covered);
          pieces.push(piece);
          if (piece.to <= held) {
            yield null;
            continue;
          }
        }
        if (piece.to <= held) continue;
        yield piece.from >= held
          ? piece.update
          : Y.diffUpdate(piece.update, Y.encodeStateVector(new Map([[client, held]])));
      }
    }
    this.deleteSet ??= Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.doc));
    return this.deleteSet;
  }

  destroy(): void {
    this.doc.off('update', this.changed);
    this.pieces.clear();
  }

  private readonly changed = (): void => {
    this.deleteSet = null;
  };

  /** The structs of `client` from clock `from`, up to about `pieceBytes`, in update format v1. */
  private encode(client: number, from: number): Piece {
    const structs = this.doc.store.clients.get(client) ?? [];
    const body = new Y.UpdateEncoderV1();
    let index = Y.findIndexSS(structs, from);
    let to = from;
    let count = 0;
    while (
      index < structs.length &&
      (count === 0 || encoding.length(body.restEncoder) < this.pieceBytes)
    ) {
      const struct = structs[index++] as Y.Item | Y.GC;
      struct.write(body, to - struct.id.clock);
      to = struct.id.clock + struct.length;
      count++;
    }
    // the layout of Yjs's writeClientsStructs for one client, then an empty delete set
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, count);
    encoding.writeVarUint(update, client);
    encoding.writeVarUint(update, from);
    encoding.writeUint8Array(update, body.toUint8Array());
    encoding.writeVarUint(update, 0);
    return { from, to, update: encoding.toUint8Array(update) };
  }
}
