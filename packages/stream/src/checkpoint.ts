/**
 * @module Where a change-feed consumer keeps its position: the versionstamp of the last change set
 * it has fully handled. `MemoryCheckpoint` lives as long as the process; `RecordCheckpoint` is a
 * SurrealDB record, which a consumer can write in the same transaction as its effects — the one
 * way to get exactly-once delivery (see the README).
 */
import { InvalidArgumentError, ProtocolError, RecordId, type CompiledQuery, type Queryable } from '@sdb/protocol';

export interface CheckpointStore {
  /** The versionstamp of the last change set handled, or `undefined` when there is none yet. */
  load(): Promise<bigint | undefined>;
  /** Records that every change set up to `versionstamp` is handled. */
  save(versionstamp: bigint): Promise<void>;
}

/** A checkpoint in memory: lost with the process, so a restart starts over from `since`. */
export class MemoryCheckpoint implements CheckpointStore {
  #value: bigint | undefined;

  constructor(initial?: bigint) {
    this.#value = initial;
  }

  get value(): bigint | undefined {
    return this.#value;
  }

  async load(): Promise<bigint | undefined> {
    return this.#value;
  }

  async save(versionstamp: bigint): Promise<void> {
    this.#value = checkedVersionstamp(versionstamp);
  }
}

/**
 * A checkpoint kept in the `versionstamp` field of one SurrealDB record (e.g.
 * `new RecordId('feed_checkpoint', 'mailer')`; the table must exist). To commit it with effects,
 * `save(versionstamp, tx)` inside the transaction that writes them, or add `statement(versionstamp)`
 * to the same batched query (over HTTP).
 */
export class RecordCheckpoint implements CheckpointStore {
  constructor(
    readonly client: Queryable,
    readonly id: RecordId,
  ) {
    if (!(id instanceof RecordId)) throw new InvalidArgumentError('RecordCheckpoint', 'id', 'Expected the RecordId that holds the checkpoint');
  }

  async load(): Promise<bigint | undefined> {
    const [stored] = await this.client.queryAll<[unknown]>('SELECT VALUE versionstamp FROM ONLY $checkpoint', { checkpoint: this.id });
    if (stored === undefined || stored === null) return undefined;
    if (typeof stored === 'bigint') return stored;
    if (typeof stored === 'number' && Number.isSafeInteger(stored)) return BigInt(stored);
    throw new ProtocolError(`The checkpoint record ${this.id.toString()} holds no integer versionstamp`);
  }

  /** Writes the checkpoint through `via` (a transaction of the client, say); default the store's client. */
  async save(versionstamp: bigint, via: Queryable = this.client): Promise<void> {
    await via.queryAll(this.statement(versionstamp));
  }

  /** The statement that writes the checkpoint, to run with other statements; its parameters are `$checkpoint` and `$versionstamp`. */
  statement(versionstamp: bigint): CompiledQuery {
    return { query: 'UPSERT $checkpoint SET versionstamp = $versionstamp RETURN NONE', bindings: { checkpoint: this.id, versionstamp: checkedVersionstamp(versionstamp) } };
  }
}

function checkedVersionstamp(versionstamp: bigint): bigint {
  if (typeof versionstamp !== 'bigint' || versionstamp < 0n) throw new InvalidArgumentError('checkpoint', 'versionstamp', 'A versionstamp is a non-negative bigint');
  return versionstamp;
}
