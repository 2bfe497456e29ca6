import { RecordId, RpcClient, Table, Uuid, Datetime, Decimal, Duration } from '@sdb/protocol';
import { it } from 'vitest';
import { createEmbeddedTransport } from '../../embedded/src/index.ts';

it('scratch', async () => {
  const t = await createEmbeddedTransport('mem://');
  const db = new RpcClient(t);
  await db.use({ namespace: 'a', database: 'b' });
  const exprs = (process.env.EXPRS ?? '').split(';;');
  for (const e of exprs) {
    try {
      const r = await db.queryAll(e);
      console.log(JSON.stringify(e), '=>', r.map((x: any) => { try { return typeof x === 'object' && x !== null && !Array.isArray(x) && x.constructor !== Object ? `${x.constructor.name}(${String(x)})` : JSON.stringify(x, (k, v) => typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? '-0' : v) } catch (err) { return String(x) } }).join(' | '));
    } catch (err) {
      console.log(JSON.stringify(e), '=> ERROR', (err as Error).message);
    }
  }
  await t.close();
});
