/**
 * @module The work every runtime of the matrix does, written once against the public API of each
 * browser-safe package: a @sdb/ws client, a @sdb/http client and a @sdb/pool of ws clients on the
 * server under test; a schema pushed by @sdb/orm; an ORM live query (ws) that sees a write made
 * over http; an ORM queryset following a link (`company__name`); an edge written and walked by
 * the ORM's relation manager; a @sdb/ql select with a
 * @sdb/functions call; a @sdb/stream live query; @sdb/protocol's RecordId on the way back.
 * It is bundled for the browser platform as it is, so it may use web APIs only.
 */
import { edge, f, model, pushSchema } from '@sdb/orm';
import { createPool } from '@sdb/pool';
import { RecordId } from '@sdb/protocol';
import { field, fn, gte, run, select } from '@sdb/ql';
import { connect as connectHttp } from '@sdb/http';
import { live } from '@sdb/stream';
import { connect as connectWs } from '@sdb/ws';

export interface StackInput {
  url: string;
  httpUrl: string;
  user: string;
  pass: string;
  namespace: string;
  database: string;
}

export interface StackOutcome {
  ormLive: { action: string; name: string };
  linkLookup: string[];
  edgeFriends: string[];
  qlRows: { name: string; shout: string }[];
  streamLive: { action: string; id: string };
  poolCount: number;
  recordId: string;
}

const Company = model('company', { name: f.string() });
const Person = model('person', { name: f.string(), age: f.int(), company: f.link(() => Company) }, { schemafull: true });
const Knows = edge('knows', { from: () => Person, to: () => Person }, { since: f.int() });

export async function smoke(input: StackInput): Promise<StackOutcome> {
  const options = { namespace: input.namespace, database: input.database, auth: { username: input.user, password: input.pass } };
  const ws = await connectWs(input.url, options);
  const http = await connectHttp(input.httpUrl, options);
  const pool = createPool({ endpoints: [input.url], connect: (url) => connectWs(url, { ...options, reconnect: false }), min: 1, max: 2 });
  try {
    await pushSchema([Company, Person, Knows], { using: http });

    const adults = (await Person.objects.using(ws).filter({ age__gte: 18 }).live())[Symbol.asyncIterator]();
    const acme = await Company.objects.using(http).create({ name: 'Acme' });
    const initech = await Company.objects.using(http).create({ name: 'Initech' });
    const [, ann, bo] = await Person.objects.using(pool).bulkCreate([
      { name: 'Cy', age: 12, company: acme.id },
      { name: 'Ann', age: 31, company: acme.id },
      { name: 'Bo', age: 40, company: initech.id },
    ]);
    const { value: event } = await adults.next();
    await adults.return?.();
    if (event === undefined || event.action === 'RESYNC') throw new Error(`the ORM live query ended without a CREATE: ${JSON.stringify(event)}`);

    const linkLookup = await Person.objects.using(http).filter({ company__name: 'Acme' }).orderBy('name').valuesList('name', { flat: true });

    await ann!.related(Knows, { using: ws }).add(bo!, { since: 2024 });
    const edgeFriends = (await ann!.related(Knows, { using: http }).all()).map((friend) => friend.name);

    const adultsShouting = select<{ name: string; age: number }>('person').fields({ name: field('name'), shout: fn.string.uppercase(field('name')) }).where(gte('age', 18)).orderBy('name');
    const qlRows = await run(ws, adultsShouting);

    const companies = (await live(ws, 'company'))[Symbol.asyncIterator]();
    await Company.objects.using(http).create({ name: 'Hooli' });
    const { value: change } = await companies.next();
    await companies.return?.();
    if (change === undefined || change.action === 'RESYNC') throw new Error(`the stream live query ended without a CREATE: ${JSON.stringify(change)}`);

    return {
      ormLive: { action: event.action, name: event.instance.name },
      linkLookup,
      edgeFriends,
      qlRows,
      streamLive: { action: change.action, id: change.id.table },
      poolCount: await Person.objects.using(pool).count(),
      recordId: new RecordId('person', 'ann').toString(),
    };
  } finally {
    await Promise.allSettled([ws.close(), http.close(), pool.close()]);
  }
}
