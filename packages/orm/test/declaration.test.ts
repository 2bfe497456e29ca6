/**
 * Declaring fields and models, without a database: builders are immutable, bad declarations are
 * refused with a clear error, a model's DEFINE nodes come from its declaration, and a queryset
 * compiles to SurrealQL with its clauses in the grammar's order and every value bound.
 */
import { describe, expect, it } from 'vitest';
import { fn } from '@sdb/functions';
import { field } from '@sdb/ql';
import { defineNodes, f, model, ModelDefinitionError, Q } from '../src/index.ts';
import { Company, Person } from './models.ts';

describe('field builders', () => {
  it('are frozen, and each modifier returns a new field leaving the original as it was', () => {
    const name = f.string();
    const optional = name.optional();
    expect(Object.isFrozen(name)).toBe(true);
    expect(Object.isFrozen(name.config)).toBe(true);
    expect(name.config.optional).toBe(false);
    expect(optional.config.optional).toBe(true);
    expect(optional).not.toBe(name);
  });

  it('refuse declarations that cannot mean anything', () => {
    expect(() => f.literal('a', 1 as never)).toThrow(ModelDefinitionError);
    expect(() => f.string().default(null as never)).toThrow(/use .optional\(\)/);
    expect(() => f.array('string' as never)).toThrow(/takes a field/);
    expect(() => f.array(f.int(), { max: 0 })).toThrow(/positive integer/);
    expect(() => f.object({ 'a.b': f.int() })).toThrow(/not a usable key/);
    // @ts-expect-error: defaultNow() is only for datetime fields
    expect(() => f.int().defaultNow()).toThrow(/datetime/);
    expect(() => f.geometry('circle' as never)).toThrow(/point, line, polygon/);
    expect(() => f.vector(0)).toThrow(/positive integer dimension/);
    expect(() => f.string().permissions({ delete: 'none' } as never)).toThrow(ModelDefinitionError);
  });

  it('keep computed fields top level and free of write modifiers', () => {
    const shout = f.computed(fn.string.uppercase(field('name')));
    expect(() => f.object({ shout })).toThrow(/top-level only/);
    expect(() => f.array(shout)).toThrow(/top-level only/);
    expect(() => shout.optional()).toThrow(/only .comment\(\) and .permissions\(\)/);
    expect(shout.comment('upper-case name').config.comment).toBe('upper-case name');
  });
});

describe('model()', () => {
  it('refuses a field named like an instance method, the record id, or with the lookup separator', () => {
    for (const bad of ['save', 'delete', 'refresh', 'merge', 'id', 'objects', 'constructor']) {
      expect(() => model('thing', { [bad]: f.string() })).toThrow(new RegExp(`"${bad}" is reserved`));
    }
    expect(() => model('thing', { first__name: f.string() })).toThrow(/without "__"/);
    expect(() => model('thing', { name: 'string' as never })).toThrow(/is not a field/);
    expect(() => model('bad name', {})).toThrow(ModelDefinitionError);
  });

  it('exposes its table, frozen fields and field names', () => {
    expect(Person.table).toBe('person');
    expect(Person.fieldNames).toEqual(['name', 'email', 'age', 'score', 'company', 'tags', 'joined', 'meta', 'code']);
    expect(Object.isFrozen(Person.fields)).toBe(true);
  });
});

describe('defineNodes()', () => {
  const nodes = defineNodes(Person);
  const fieldNode = (path: string) => nodes.find((n) => n.kind === 'defineField' && JSON.stringify(n.name) === JSON.stringify(field(path).node));

  it('starts with the table, SCHEMAFULL, OVERWRITE', () => {
    expect(nodes[0]).toStrictEqual({ kind: 'defineTable', mode: 'OVERWRITE', name: 'person', schemafull: true });
  });

  it('types optional fields as option<T> and links as record<table>', () => {
    expect(fieldNode('score')).toMatchObject({ type: { name: 'option', of: { name: 'float' } } });
    expect(fieldNode('company')).toMatchObject({ type: { name: 'option', of: { name: 'record', tables: ['company'] } } });
    expect(fieldNode('tags')).toMatchObject({ type: { name: 'array', of: { name: 'string' } } });
  });

  it('defines nested object keys as their own fields, and unique fields get a UNIQUE index', () => {
    expect(fieldNode('meta.plan')).toMatchObject({ type: { name: 'string' } });
    expect(fieldNode('meta.plan')).toHaveProperty('assert');
    expect(nodes).toContainEqual({ kind: 'defineIndex', mode: 'OVERWRITE', name: 'person_email_unique', table: 'person', fields: [field('email').node], unique: true });
  });

  it('gives a schemaless model a SCHEMALESS table', () => {
    expect(defineNodes(Company)[0]).toStrictEqual({ kind: 'defineTable', mode: 'OVERWRITE', name: 'company', schemafull: false });
  });
});

describe('compiled querysets', () => {
  it('print WHERE, ORDER BY, LIMIT, START in the grammar\'s order whatever the call order, values bound', () => {
    const { query, bindings } = Person.objects.offset(20).limit(10).orderBy('-age', 'name').filter({ age__gte: 18 }).toQuery();
    expect(query).toBe('SELECT * FROM person WHERE age >= $p0 ORDER BY age DESC, name ASC LIMIT $p1 START $p2;');
    expect(bindings).toEqual({ p0: 18, p1: 10, p2: 20 });
  });

  it('bind hostile strings as values instead of printing them', () => {
    const hostile = "x'; REMOVE TABLE person; --";
    const { query, bindings } = Person.objects.filter({ name__istartswith: hostile }).toQuery();
    expect(query).not.toContain('REMOVE');
    expect(Object.values(bindings)).toContain(hostile);
  });

  it('turn a like pattern into a bound, anchored regex with every other character escaped', () => {
    const { query, bindings } = Person.objects.filter({ name__ilike: "a_b%(c)$'; --" }).toQuery();
    expect(query).toBe('SELECT * FROM person WHERE type::is_string(name) AND string::matches(name, $p0);');
    expect(bindings).toEqual({ p0: "(?is)^a.b.*\\(c\\)\\$'; \\-\\-$" });
  });

  it('guard string functions against absent values and test both NONE and NULL for isnull', () => {
    expect(Person.objects.filter({ company__name__icontains: 'a' }).toQuery().query).toBe(
      'SELECT * FROM person WHERE type::is_string(company.name) AND string::contains(string::lowercase(company.name), string::lowercase($p0));',
    );
    expect(Person.objects.filter(Q.or({ score__isnull: true })).toQuery().query).toBe('SELECT * FROM person WHERE type::is_none(score) OR type::is_null(score);');
  });
});

describe('validation', () => {
  // No client is configured in this file: a ValidationError (not UnknownConnectionError) shows the check ran before any query.
  const Box = model('box', { items: f.array(f.int(), { max: 2 }), ids: f.set(f.uuid()), kind: f.literal('a', 'b').optional() }, { schemafull: true });

  it('checks arrays (length and each element) and sets before a client is even looked up', async () => {
    await expect(Box.objects.create({ items: [1, 2, 3], ids: new Set() })).rejects.toMatchObject({ field: 'items', rule: 'max_length' });
    await expect(Box.objects.create({ items: [1, 'two' as never], ids: new Set() })).rejects.toMatchObject({ field: 'items[1]', rule: 'type' });
    await expect(Box.objects.create({ items: [], ids: new Set(['not-a-uuid' as never]) })).rejects.toMatchObject({ field: 'ids[0]', rule: 'type' });
  });

  it('checks a queryset update() patch too', async () => {
    await expect(Box.objects.update({ kind: 'c' as never })).rejects.toMatchObject({ field: 'kind', rule: 'literal' });
    await expect(Box.objects.update({ items: undefined })).rejects.toMatchObject({ field: 'items', rule: 'required' });
  });

  it('checks every bulkCreate() row before the first batch, and before a client is looked up', async () => {
    await expect(Box.objects.bulkCreate([{ items: [1], ids: new Set() }, { items: [1, 2, 3], ids: new Set() }], { batchSize: 1 })).rejects.toMatchObject({ field: 'items', rule: 'max_length' });
  });
});
