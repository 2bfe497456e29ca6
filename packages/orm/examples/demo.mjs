/**
 * @module The end-to-end demo: the real SurrealDB 3.0.2 engine served on loopback by
 * @sdb/embedded, a @sdb/ws client, and @sdb/orm on top: two models with a link, the schema
 * pushed, records created, a queryset following the link, an aggregate, and the live
 * notification of a create. Run from the repo root with `pnpm demo` (scripts/demo.mjs builds the
 * packages first).
 */
import { startServer } from '@sdb/embedded';
import { Avg, Count, Max, configure, f, model, pushSchema } from '@sdb/orm';
import { connect } from '@sdb/ws';

const Company = model('company', { name: f.string(), country: f.string() }, { schemafull: true });
const Person = model('person', { name: f.string(), age: f.int(), company: f.link(() => Company) }, { schemafull: true });

const auth = { username: 'root', password: 'root' };
const server = await startServer({ auth });
console.log(`SurrealDB 3.0.2 (embedded) listening at ${server.url}`);
const db = await connect(server.url, { namespace: 'demo', database: 'demo', auth });
try {
  configure({ default: db });
  await pushSchema([Company, Person]);
  console.log('schema pushed: company, person (person.company is record<company>)');
  const live = await db.live('person');
  console.log('live query on person registered');
  const acme = await Company.objects.create({ name: 'Acme', country: 'UK' });
  const globex = await Company.objects.create({ name: 'Globex', country: 'US' });
  console.log(`created companies: ${acme.name} (${acme.country}), ${globex.name} (${globex.country})`);
  await Person.objects.bulkCreate([
    { name: 'Ann', age: 31, company: acme.id },
    { name: 'Bob', age: 17, company: acme.id },
    { name: 'Cy', age: 45, company: globex.id },
  ]);
  console.log('created people: Ann, Bob, Cy');
  const britishAdults = await Person.objects.filter({ company__country: 'UK', age__gte: 18 }).orderBy('name').values('name', 'age');
  console.log('adults at UK companies:', JSON.stringify(britishAdults));
  const stats = await Person.objects.aggregate({ people: Count(), meanAge: Avg('age'), oldest: Max('age') });
  console.log('aggregate:', JSON.stringify(stats));
  for await (const message of live) {
    console.log('live notification:', message.action, message.result.name);
    break;
  }
} finally {
  await db.close();
  await server.close();
}
console.log('closed');
