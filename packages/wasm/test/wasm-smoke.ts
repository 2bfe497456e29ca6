/**
 * @module What the page does with the engine in the browser, bundled as it is: ORM code written
 * for any client (a schema, a queryset following a link, a live query, a transaction that
 * rolls back) on `connectWasm`'s datastore, with no server anywhere.
 */
import { f, model, pushSchema } from '@sdb/orm';
import { connectWasm, type WasmUrl } from '../src/index.ts';

export interface WasmSmokeOutcome {
  linkLookup: string[];
  live: { action: string; name: string };
  afterRollback: number;
  rollbackError: string;
}

const Company = model('company', { name: f.string() });
const Person = model('person', { name: f.string(), company: f.link(() => Company) }, { schemafull: true });

/** `agent`: where the page finds the worker agent, relative to this module. */
export async function smoke({ url, agent = './worker/agent.mjs' }: { url: WasmUrl; agent?: string }): Promise<WasmSmokeOutcome> {
  const db = await connectWasm(url, { worker: () => new Worker(new URL(agent, import.meta.url), { type: 'module' }) });
  try {
    await db.use({ namespace: 'app', database: 'app' });
    await pushSchema([Company, Person], { using: db });
    const people = (await Person.objects.using(db).live())[Symbol.asyncIterator]();
    const acme = await Company.objects.using(db).create({ name: 'Acme' });
    const initech = await Company.objects.using(db).create({ name: 'Initech' });
    await Person.objects.using(db).bulkCreate([
      { name: 'Bo', company: acme.id },
      { name: 'Ann', company: acme.id },
      { name: 'Cy', company: initech.id },
    ]);
    const { value: event } = await people.next();
    await people.return?.();
    if (event === undefined || event.action === 'RESYNC') throw new Error(`the live query ended without a CREATE: ${JSON.stringify(event)}`);

    const rollbackError = await db
      .transaction(async (tx) => {
        await Person.objects.using(tx).create({ name: 'Dee', company: acme.id });
        throw new Error('changed my mind');
      })
      .then(() => 'committed', (error: Error) => error.message);

    return {
      linkLookup: await Person.objects.using(db).filter({ company__name: 'Acme' }).orderBy('name').valuesList('name', { flat: true }),
      live: { action: event.action, name: event.instance.name },
      afterRollback: await Person.objects.using(db).count(),
      rollbackError,
    };
  } finally {
    await db.close();
  }
}
