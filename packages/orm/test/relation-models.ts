/**
 * The models the relation suites share: the Person, Company (with its reverse relation
 * `employees`), Person (with `followers`, the far end of the knows edges pointing at them) and the Knows edge between people.
 */
import { edge, f, model, type Relation } from '../src/index.ts';

export const Company = model('company', { name: f.string() }, { reverse: { employees: (): Relation => Person.via('company') } });

export const Person = model('person', { name: f.string(), age: f.int().default(0), company: f.link(() => Company).optional() }, {
  schemafull: true,
  reverse: { followers: (): Relation => Knows.via('out') },
});

export const Knows = edge('knows', { from: () => Person, to: () => Person }, { since: f.int().optional() }, { schemafull: true });

export const models = [Company, Person, Knows];
