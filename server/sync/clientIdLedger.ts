// Which member introduced each Yjs client id of one plan ([G2], [G6]): loaded with the plan, added to
// as updates are accepted, written to storage in the append transaction of the batch that carries
// them. It bounds how many
// new client ids (editing sessions) a member may bring in a day, and records who wrote with each id.
import type { ClientIdRecord } from '../storage/store';

const DAY_MS = 24 * 60 * 60 * 1000;

export class ClientIdLedger {
  private readonly owners = new Map<number, ClientIdRecord>();
  /** per member, when each of their client ids was introduced (ascending) */
  private readonly introduced = new Map<string, number[]>();
  private unsaved: ClientIdRecord[] = [];

  constructor(
    private readonly planId: string,
    records: readonly ClientIdRecord[],
  ) {
    for (const record of [...records].sort((a, b) => a.at - b.at)) this.remember(record);
  }

  /** The ids of `clientIds` not recorded yet. */
  unrecorded(clientIds: readonly number[]): number[] {
    return clientIds.filter((id) => !this.owners.has(id));
  }

  /** How many client ids the member introduced in the 24 hours before `now`. */
  introducedToday(memberId: string, now: number): number {
    const times = this.introduced.get(memberId);
    if (!times) return 0;
    const since = now - DAY_MS;
    while (times.length > 0 && (times[0] as number) <= since) times.shift();
    return times.length;
  }

  introduce(memberId: string, clientIds: readonly number[], at: number): void {
    for (const clientId of this.unrecorded(clientIds)) {
      const record = { planId: this.planId, clientId, memberId, at };
      this.remember(record);
      this.unsaved.push(record);
    }
  }

  /** Records introduced since the last call, for storage. */
  takeUnsaved(): ClientIdRecord[] {
    const taken = this.unsaved;
    this.unsaved = [];
    return taken;
  }

  private remember(record: ClientIdRecord): void {
    this.owners.set(record.clientId, record);
    let times = this.introduced.get(record.memberId);
    if (!times) this.introduced.set(record.memberId, (times = []));
    times.push(record.at);
  }
}
