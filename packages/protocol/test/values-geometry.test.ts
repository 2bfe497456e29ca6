/**
 * @module Geometry values: GeoJSON output, SurrealQL text as SurrealDB prints it, equality.
 */
import { describe, expect, it } from 'vitest';
import {
  Geometry,
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
} from '../src/values/index.ts';
import { line, point, polygon } from './fixtures/geometry-shapes.ts';

describe('GeoJSON', () => {
  it.each([
    [point(1.5, 2), { type: 'Point', coordinates: [1.5, 2] }],
    [line, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }],
    [polygon, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }],
    [new GeometryMultiPoint([point(1, 2)]), { type: 'MultiPoint', coordinates: [[1, 2]] }],
    [new GeometryMultiLine([line]), { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] }],
    [new GeometryMultiPolygon([polygon]), { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] }],
    [
      new GeometryCollection([point(1, 2), line]),
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }] },
    ],
  ])('%s', (geometry, json) => {
    expect(geometry.toJSON()).toEqual(json);
    expect(JSON.parse(JSON.stringify(geometry))).toEqual(json);
  });
});

describe('SurrealQL text', () => {
  it('a point is (x, y)', () => {
    expect(point(1.5, -2).toString()).toBe('(1.5, -2)');
  });

  it('other geometries are GeoJSON-shaped objects with type first', () => {
    expect(line.toString()).toBe("{ type: 'LineString', coordinates: [[0, 0], [1, 1]] }");
    expect(new GeometryCollection([point(1, 2), line]).toString()).toBe(
      "{ type: 'GeometryCollection', geometries: [(1, 2), { type: 'LineString', coordinates: [[0, 0], [1, 1]] }] }",
    );
  });
});

describe('construction and equality', () => {
  it('compares structure, not identity', () => {
    expect(polygon.equals(new GeometryPolygon([new GeometryLine([point(0, 0), point(1, 0), point(1, 1), point(0, 0)])]))).toBe(true);
    expect(line.equals(new GeometryMultiPoint([point(0, 0), point(1, 1)]))).toBe(false);
    expect(point(1, 2).equals(point(2, 1))).toBe(false);
  });

  it('every geometry is an instance of Geometry', () => {
    for (const geometry of [point(0, 0), line, polygon, new GeometryCollection([])]) expect(geometry).toBeInstanceOf(Geometry);
    expect(line instanceof GeometryPoint).toBe(false);
  });

  it('rejects parts of the wrong kind', () => {
    expect(() => new GeometryPoint([1] as never)).toThrow(TypeError);
    expect(() => new GeometryPoint(['1', 2] as never)).toThrow(TypeError);
    expect(() => new GeometryLine([[0, 0]] as never)).toThrow(TypeError);
    expect(() => new GeometryPolygon([point(0, 0)] as never)).toThrow(TypeError);
    expect(() => new GeometryCollection([{}] as never)).toThrow(TypeError);
  });
});
