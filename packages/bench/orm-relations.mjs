/**
 * @module `pnpm bench`, part 3: `prefetchRelated` against the naive loop (one query per parent),
 * over 100 parents × 10 children, for a reverse record link (companies and their employees) and
 * for an edge (people and whom they know). The server runs in a child process, so this
 * process's CPU time counts the client and the ORM only. Prints, per row, the queries per load
 * (counted by a wrapper around the client), the wall time and the client CPU per load, measured
 * in alternating rounds (naive, prefetch, naive...) so load from elsewhere hits both alike.
 */
import { configure, edge, f, model, Prefetch, pushSchema } from '@sdb/orm';
import { connect } from '@sdb/ws';
import { startServerProcess, withDeadline } from './server-child.mjs';

const PARENTS = 100;
const CHILDREN = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 3;

const Company = model('company', { name: f.string() }, { reverse: { employees: () => Person.via('company') } });
const Person = model('person', { name: f.string(), company: f.link(() => Company).optional().index() }, { schemafull: true });
const Knows = edge('knows', { from: () => Person, to: () => Person }, { since: f.int() }, { schemafull: true });

/** The client, counting the queries sent through it. */
function counting(client) {
  const wrapper = {
    queries: 0,
    query: (...args) => (wrapper.queries++, client.query(...args)),
    queryAll: (...args) => (wrapper.queries++, client.queryAll(...args)),
  };
  return wrapper;
}

async function seed() {
  const companies = await Company.objects.bulkCreate(Array.from({ length: PARENTS }, (_, i) => ({ name: `Company ${i}` })));
  const people = await Person.objects.bulkCreate(companies.flatMap((company, i) => Array.from({ length: CHILDREN }, (_, j) => ({ name: `P${i}.${j}`, company: company.id }))));
  const hubs = await Person.objects.bulkCreate(Array.from({ length: PARENTS }, (_, i) => ({ name: `Hub ${i}` })));
  for (const [i, hub] of hubs.entries()) await hub.related(Knows).add(people.slice(i * CHILDREN, (i + 1) * CHILDREN), { since: 2020 });
  return hubs.map((hub) => hub.id);
}

/** Runs `load` once on a counting client: the queries it sent, its wall time and this process's CPU time. */
async function once(load, client) {
  const counted = counting(client);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const loaded = await load(counted);
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { queries: counted.queries, wallMs, cpuMs: (user + system) / 1000, loaded };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function compare(name, naive, prefetch, client) {
  for (let i = 0; i < WARMUP; i++) await Promise.all([naive(client), prefetch(client)]);
  const runs = { naive: [], prefetch: [] };
  for (let i = 0; i < ROUNDS; i++) {
    runs.naive.push(await once(naive, client));
    runs.prefetch.push(await once(prefetch, client));
  }
  const [a, b] = [runs.naive, runs.prefetch];
  if (a[0].loaded !== PARENTS * CHILDREN || b[0].loaded !== PARENTS * CHILDREN) throw new Error(`${name}: loaded ${a[0].loaded} and ${b[0].loaded} children, expected ${PARENTS * CHILDREN}`);
  const row = (label, r) => `  ${label.padEnd(26)} ${String(r[0].queries).padStart(7)} ${median(r.map((x) => x.wallMs)).toFixed(1).padStart(10)} ${median(r.map((x) => x.cpuMs)).toFixed(1).padStart(13)}`;
  console.log(`\n${name} (${PARENTS} parents × ${CHILDREN} children, median of ${ROUNDS} loads)`);
  console.log(`  ${''.padEnd(26)} ${'queries'.padStart(7)} ${'wall ms'.padStart(10)} ${'client CPU ms'.padStart(13)}`);
  console.log(row('naive loop', a));
  console.log(row('prefetchRelated', b));
  const ratio = median(a.map((x) => x.cpuMs)) / median(b.map((x) => x.cpuMs));
  console.log(`  prefetchRelated: ${a[0].queries / b[0].queries}x fewer queries, ${ratio.toFixed(1)}x less client CPU, ${(median(a.map((x) => x.wallMs)) / median(b.map((x) => x.wallMs))).toFixed(1)}x faster`);
  if (b[0].queries !== 2) throw new Error(`${name}: prefetchRelated sent ${b[0].queries} queries, expected 2`);
}

const server = await startServerProcess();
try {
  const db = await connect(server.url.replace(/^http/, 'ws'), { namespace: 'bench', database: 'orm_relations', auth: { username: 'root', password: 'root' }, reconnect: false });
  configure({ default: db });
  await pushSchema([Company, Person, Knows]);
  const hubs = await withDeadline(seed(), 120_000, 'seeding');
  const count = (parents, key) => parents.reduce((n, p) => n + p[key].length, 0);

  await compare('reverse link: Company.employees', async (client) => {
    const companies = await Company.objects.using(client).all();
    for (const company of companies) company.employees = await Person.objects.using(client).filter({ company: company.id }).all();
    return count(companies, 'employees');
  }, async (client) => count(await Company.objects.using(client).prefetchRelated(Prefetch('employees', Person.objects)).all(), 'employees'), db);

  await compare('edge: Person knows', async (client) => {
    const people = await Person.objects.using(client).filter({ id__in: hubs }).all();
    for (const person of people) person.knows = await person.related(Knows, { using: client }).all();
    return count(people, 'knows');
  }, async (client) => count(await Person.objects.using(client).filter({ id__in: hubs }).prefetchRelated(Prefetch('knows', Person.objects)).all(), 'knows'), db);
  await db.close();
} finally {
  await server.stop();
}
