// Record, insert, values and aggregate types: each line marked `// TSxxxx` must fail with that code.
import type { RecordId } from '@sdb/protocol';
import { Avg, Count, Max, type Infer, type InferInsert } from '../../src/index.ts';
import { Company, Person } from '../models.ts';

export function records(person: Infer<typeof Person>, company: Infer<typeof Company>) {
  const age: string = person.age; // TS2322
  const id: RecordId<'company'> = person.id; // TS2322
  const country: string = company.country; // TS2322
  return [age, id, country];
}

export const missingEmail: InferInsert<typeof Person> = { name: 'Ann' }; // TS2741
export const wrongAge: InferInsert<typeof Person> = { name: 'Ann', email: 'a@x.io', age: 'old' }; // TS2322
export const computedId: InferInsert<typeof Company> = { name: 'Acme', id: true }; // TS2322

export async function projections() {
  const rows = await Person.objects.values('name', 'age');
  rows[0]?.email; // TS2339
  const flat: number[] = await Person.objects.valuesList('email', { flat: true }); // TS2322
  const totals = await Person.objects.aggregate({ n: Count(), mean: Avg('age'), last: Max('joined') });
  const mean: number = totals.mean; // TS2322
  await Person.objects.aggregate({ mean: Avg('agee') }); // TS2322
  await Person.objects.values('company').annotate({ top: Max('scoore') }); // TS2322
  return [flat, mean];
}
