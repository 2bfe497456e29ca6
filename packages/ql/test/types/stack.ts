/**
 * A user's file, as one would write it: every sdb client, session and transaction goes through
 * the same @sdb/ql calls. `pnpm typecheck` compiles it with strict tsc (the types are the test),
 * and `test/stack.test.ts` runs it against the real engine.
 */
import { connectEmbedded } from '@sdb/embedded';
import { string } from '@sdb/functions';
import { connect as connectHttp } from '@sdb/http';
import { RecordId, type Queryable } from '@sdb/protocol';
import { atomic, create, gte, run, runBatch, select, update } from '@sdb/ql';
import { connect as connectWs } from '@sdb/ws';

export interface Person {
  id: RecordId<'person'>;
  name: string;
  age: number;
}

export interface Server {
  /** ws(s):// URL of the server. */
  url: string;
  /** http(s):// URL of the same server. */
  httpUrl: string;
  username: string;
  password: string;
  namespace: string;
  database: string;
}

/** What each kind of client answered, by client. */
export type StackReport = Record<string, { adults: string[]; shout: string; moved: [Person[], Person[]] }>;

/** Code written once against the contract: it takes any client, session or transaction. */
async function adults(db: Queryable): Promise<string[]> {
  const rows: Person[] = await run(db, select<Person>('person').where(gte('age', 18)).orderBy('name'));
  return rows.map((person) => person.name);
}

/** Creates `who` and ages them by one year, all or nothing, on any client. */
async function birth(db: Queryable, who: RecordId<'person'>, name: string): Promise<[Person[], Person[]]> {
  return runBatch(db, atomic(create<Person>(who).set({ name, age: 17 }), update<Person>(who).set({ age: 18 })));
}

async function exercise(db: Queryable, label: string, report: StackReport): Promise<void> {
  const shout: string = await run(db, string.uppercase(label));
  const moved = await birth(db, new RecordId('person', label), label);
  report[label] = { adults: await adults(db), shout, moved };
}

export async function stack(server: Server): Promise<StackReport> {
  const auth = { username: server.username, password: server.password };
  const scope = { namespace: server.namespace, database: server.database };
  const report: StackReport = {};

  await using ws = await connectWs(server.url, { ...scope, auth });
  await ws.query('DEFINE TABLE person SCHEMALESS');
  await exercise(ws, 'ws', report);
  await ws.transaction(async (tx) => exercise(tx, 'wsTransaction', report));

  await using session = await ws.session({ ...scope, auth });
  await exercise(session, 'wsSession', report);
  await session.transaction(async (tx) => exercise(tx, 'wsSessionTransaction', report));

  await using http = await connectHttp(server.httpUrl, { ...scope, auth });
  await exercise(http, 'http', report);

  await using embedded = await connectEmbedded('mem://');
  await embedded.use(scope);
  await embedded.query('DEFINE TABLE person SCHEMALESS');
  await exercise(embedded, 'embedded', report);
  await embedded.transaction(async (tx) => exercise(tx, 'embeddedTransaction', report));

  return report;
}

// The contract is a real constraint, not `any`: what lacks `query`/`queryAll` is not a client.
// @ts-expect-error a plain object is not a Queryable
export const notAClient: Queryable = {};

// Conditions are typed by the row: a misspelled field or a value of the wrong type does not compile.
// @ts-expect-error `agee` is not a field of Person
export const misspelled = select<Person>('person').where(gte('agee', 18));
// @ts-expect-error `age` is a number, not a string
export const wrongType = select<Person>('person').where(gte('age', 'eighteen'));
