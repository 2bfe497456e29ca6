/**
 * @module The codec alone, in this process: a typical 100-row query result (record ids, strings,
 * numbers, datetimes, nested objects and arrays) decoded and encoded by @sdb/protocol, by the
 * official SDK's `CborCodec`, and by `cbor-x` as the reference line for the same rows as plain
 * JS values (no SurrealDB tags: ids and datetimes as strings). Codecs are measured in turn,
 * alternating their order between rounds; each figure is the median round, with the spread.
 * Run alone: `node codec.mjs`.
 */
import { Datetime, RecordId, decode, encode } from '@sdb/protocol';
import { decode as cborxDecode, encode as cborxEncode } from 'cbor-x';
import { CborCodec, DateTime as OfficialDatetime, RecordId as OfficialRecordId } from 'surrealdb';

export const ROWS = 100;
const START = Date.UTC(2026, 0, 1);

/** Row `i` built with `classes`' record id and datetime, so each codec encodes its own values. */
function row(i, { recordId, datetime }) {
  return {
    id: recordId('item', i),
    name: `item ${i}`,
    description: `a longer description of item number ${i}, with some words`,
    price: i * 1.5,
    quantity: i,
    active: i % 2 === 0,
    tags: ['a', 'b', 'sale'],
    created: datetime(new Date(START + i * 1000)),
    owner: { id: recordId('user', `u${i % 7}`), name: 'Ada Lovelace', address: { city: 'Zürich', zip: '8001', lines: ['Bahnhofstrasse 1', 'floor 2'] } },
    scores: [1, 2.5, i],
  };
}

const flavours = {
  ours: { recordId: (t, k) => new RecordId(t, k), datetime: (d) => new Datetime(d) },
  official: { recordId: (t, k) => new OfficialRecordId(t, k), datetime: (d) => new OfficialDatetime(d) },
  plain: { recordId: (t, k) => `${t}:${k}`, datetime: (d) => d.toISOString() },
};

/** What a `query` call gets back: one statement's result, in the RPC response envelope. */
const response = (classes) => ({ id: 1, result: [{ status: 'OK', time: '1.2ms', result: Array.from({ length: ROWS }, (_, i) => row(i + 1, classes)) }] });

export function codecs() {
  const official = CborCodec.DEFAULT;
  const values = Object.fromEntries(Object.entries(flavours).map(([name, classes]) => [name, response(classes)]));
  const bytes = { tagged: encode(values.ours), plain: cborxEncode(values.plain) };
  return [
    { name: '@sdb/protocol', decode: () => decode(bytes.tagged), encode: () => encode(values.ours) },
    { name: 'surrealdb CborCodec', decode: () => official.decode(bytes.tagged), encode: () => official.encode(values.official) },
    { name: 'cbor-x (plain values)', decode: () => cborxDecode(bytes.plain), encode: () => cborxEncode(values.plain) },
  ];
}

/**
 * CPU µs per call of `fn` over as many calls as take `ms` of this process's CPU time: CPU time,
 * not wall time, so that being descheduled on a loaded machine does not count.
 */
export function timePerCall(fn, ms) {
  let calls = 0;
  const before = process.cpuUsage();
  let used = 0;
  do {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
    const cpu = process.cpuUsage(before);
    used = cpu.user + cpu.system;
  } while (used < ms * 1000);
  return used / calls;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Median µs per call and [min, max] over `rounds` rounds of `ms` each, per codec and operation.
 * @returns {{ name: string, decode: Figures, encode: Figures }[]} with `Figures` = `{ us, min, max, rounds }`
 */
export function measureCodecs({ rounds = 7, ms = 200 } = {}) {
  const list = codecs();
  const samples = new Map(list.map((c) => [c.name, { decode: [], encode: [] }]));
  for (const c of list) timePerCall(c.decode, ms) + timePerCall(c.encode, ms); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const c of round % 2 ? [...list].reverse() : list) {
      samples.get(c.name).decode.push(timePerCall(c.decode, ms));
      samples.get(c.name).encode.push(timePerCall(c.encode, ms));
    }
  }
  const summary = (values) => ({ us: median(values), min: Math.min(...values), max: Math.max(...values), rounds });
  return list.map((c) => ({ name: c.name, decode: summary(samples.get(c.name).decode), encode: summary(samples.get(c.name).encode) }));
}

/** Prints `measureCodecs`' figures, one line per codec. */
export function printCodecs(results) {
  const spread = ({ us, min, max }) => `${us.toFixed(1).padStart(7)} [${min.toFixed(1)}–${max.toFixed(1)}]`;
  console.log(`${ROWS}-row query result through the codec alone, CPU µs per call: median [min–max] of ${results[0].decode.rounds} rounds`);
  for (const { name, decode, encode } of results) console.log(`  ${name.padEnd(24)} decode ${spread(decode)}   encode ${spread(encode)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printCodecs(measureCodecs());
