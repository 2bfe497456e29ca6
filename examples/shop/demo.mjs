/**
 * @module The shop, end to end, on the real SurrealDB 3.0.2 engine that @sdb/embedded serves on
 * loopback: `sdb migrate` applies the migration history (the same command a user runs, here
 * in-process with SURREAL_URL pointing at the server), then the seed, the reports and one live
 * update. `pnpm demo` at the repo root runs it.
 */
import { run } from '@sdb/cli';
import { startServer } from '@sdb/embedded';
import { configure } from '@sdb/orm';
import { connect } from '@sdb/ws';
import { orderFeed } from './src/live.mjs';
import { Customer, Order } from './src/models.mjs';
import { orderStatusesFrom, ordersPerCustomer, outOfStock, reviewersOfProductNamed, reviewsOf, salesByProduct, totals } from './src/queries.mjs';
import { seed } from './src/seed.mjs';

const here = new URL('.', import.meta.url).pathname;
const auth = { username: 'root', password: 'root' };
const server = await startServer({ auth });
console.log(`SurrealDB 3.0.2 (embedded) listening at ${server.url}`);
try {
  console.log('$ sdb migrate');
  const code = await run(['migrate'], { cwd: here, env: { ...process.env, SURREAL_URL: server.url } });
  if (code !== 0) throw new Error(`sdb migrate exited ${code}`);

  const db = await connect(server.url, { namespace: 'shop', database: 'shop', auth });
  try {
    configure({ default: db });
    const seeded = await seed();
    console.log(`seeded ${seeded.customers} customers, ${seeded.products} products, ${seeded.orders} orders, ${seeded.reviews} reviews`);
    console.log('orders from UK customers:', JSON.stringify(await orderStatusesFrom('UK')));
    console.log('sales by product:', JSON.stringify(await salesByProduct()));
    console.log('totals:', JSON.stringify(await totals()));
    console.log('out of stock:', JSON.stringify(await outOfStock()));
    console.log('orders per customer:', JSON.stringify(await ordersPerCustomer()));
    console.log('reviews of MUG-1:', JSON.stringify(await reviewsOf('MUG-1')));
    console.log('reviewers of the T-shirt:', JSON.stringify(await reviewersOfProductNamed('T-shirt')));

    const feed = await orderFeed(db);
    console.log('live feed on order started');
    await Order.objects.create({ customer: seeded.chloe.id, status: 'open' });
    const change = await feed.next();
    const customer = await Customer.objects.get({ id: change.order.customer });
    console.log(`live: ${change.action} order (${change.order.status}) for ${customer.name}`);
    await feed.close();
  } finally {
    await db.close();
  }
} finally {
  await server.close();
}
console.log('closed');
