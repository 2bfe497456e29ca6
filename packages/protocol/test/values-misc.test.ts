/**
 * @module Table, FileRef, Future and Tagged: text, JSON and equality.
 */
import { describe, expect, it } from 'vitest';
import { Tagged } from '../src/codec.ts';
import { FileRef, Future, Table } from '../src/values/index.ts';

describe('Table', () => {
  it('prints the literal the engine reads as a table (a bare name in an expression is a field)', () => {
    expect(new Table('person').toString()).toBe("type::table('person')");
    expect(new Table('select').toString()).toBe("type::table('select')");
    expect(new Table("it's").toString()).toBe(`type::table("it's")`);
  });

  it('serialises to its name and compares by it', () => {
    expect(JSON.stringify(new Table('person'))).toBe('"person"');
    expect(new Table('a').equals(new Table('a'))).toBe(true);
    expect(new Table('a').equals('a')).toBe(false);
    expect(() => new Table(1 as never)).toThrow(TypeError);
  });
});

describe('FileRef', () => {
  it('prints the SurrealQL file literal', () => {
    expect(new FileRef('photos', '/a b.png').toString()).toBe('f"photos:/a b.png"');
    expect(new FileRef('b', '/say "hi"').toString()).toBe('f"b:/say \\"hi\\""');
  });

  it('compares bucket and key', () => {
    expect(new FileRef('b', '/k').equals(new FileRef('b', '/k'))).toBe(true);
    expect(new FileRef('b', '/k').equals(new FileRef('c', '/k'))).toBe(false);
    expect(() => new FileRef('b', 1 as never)).toThrow(TypeError);
  });
});

describe('Future', () => {
  it('keeps the block source', () => {
    const future = new Future('time::now()');
    expect(future.toString()).toBe('<future> { time::now() }');
    expect(future.equals(new Future('time::now()'))).toBe(true);
  });
});

describe('Tagged', () => {
  it('holds a tag number and a value', () => {
    expect(new Tagged(1000, 'x')).toMatchObject({ tag: 1000, value: 'x' });
    expect(() => new Tagged(-1, 'x')).toThrow(TypeError);
  });
});
