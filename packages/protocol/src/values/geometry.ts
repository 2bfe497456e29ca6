/**
 * @module Geometry values (CBOR tags 88–94): point, line, polygon, their multi forms and
 * collections, each convertible to GeoJSON.
 */
import {
  TAG_GEOMETRY_COLLECTION,
  TAG_GEOMETRY_LINE,
  TAG_GEOMETRY_MULTILINE,
  TAG_GEOMETRY_MULTIPOINT,
  TAG_GEOMETRY_MULTIPOLYGON,
  TAG_GEOMETRY_POINT,
  TAG_GEOMETRY_POLYGON,
  cborValue,
} from '../cbor/tags.ts';
import { Value, brandValue } from './value.ts';

export type Coordinates = readonly [number, number];
export type GeoJson =
  | { type: 'Point'; coordinates: Coordinates }
  | { type: 'LineString' | 'MultiPoint'; coordinates: Coordinates[] }
  | { type: 'Polygon' | 'MultiLineString'; coordinates: Coordinates[][] }
  | { type: 'MultiPolygon'; coordinates: Coordinates[][][] }
  | { type: 'GeometryCollection'; geometries: GeoJson[] };

/** What every geometry shares: GeoJSON output, SurrealQL text and structural equality. */
export abstract class Geometry extends Value<GeoJson> {
  abstract override toJSON(): GeoJson;

  /**
   * SurrealQL literal, as SurrealDB prints geometries: a GeoJSON-shaped object with `type`
   * first (a point overrides this with `(x, y)`, a collection lists its members' literals).
   */
  toString(): string {
    const json = this.toJSON() as GeoJson & { coordinates: unknown };
    return `{ type: '${json.type}', coordinates: ${coordinatesLiteral(json.coordinates)} }`;
  }

  static {
    brandValue(this, 'Geometry');
  }
}

/** A point: `[longitude, latitude]` (or `[x, y]`). */
export class GeometryPoint extends Geometry {
  declare readonly coordinates: Coordinates;

  constructor(coordinates: Coordinates) {
    super();
    const [x, y] = coordinates;
    if (coordinates.length !== 2 || typeof x !== 'number' || typeof y !== 'number') throw new TypeError('A point is [x, y] numbers');
    this.coordinates = [x, y];
  }

  override toString(): string {
    return `(${this.coordinates.map(coordinate).join(', ')})`;
  }

  toJSON(): GeoJson & { type: 'Point' } {
    return { type: 'Point', coordinates: this[cborValue]() };
  }

  [cborValue](): [number, number] {
    return [...this.coordinates];
  }

  static {
    brandValue(this, 'GeometryPoint', TAG_GEOMETRY_POINT);
  }
}

/** A line through two or more points (GeoJSON LineString). */
export class GeometryLine extends Geometry {
  declare readonly points: readonly GeometryPoint[];

  constructor(points: readonly GeometryPoint[]) {
    super();
    this.points = checkParts(points, GeometryPoint, 'GeometryPoint');
  }

  toJSON(): GeoJson & { type: 'LineString' } {
    return { type: 'LineString', coordinates: coordinatesOf(this.points) };
  }

  [cborValue](): unknown {
    return this.points;
  }

  static {
    brandValue(this, 'GeometryLine', TAG_GEOMETRY_LINE);
  }
}

/** A polygon: an exterior ring, then any interior rings (holes), each a closed line. */
export class GeometryPolygon extends Geometry {
  declare readonly lines: readonly GeometryLine[];

  constructor(lines: readonly GeometryLine[]) {
    super();
    this.lines = checkParts(lines, GeometryLine, 'GeometryLine');
  }

  toJSON(): GeoJson & { type: 'Polygon' } {
    return { type: 'Polygon', coordinates: coordinatesOf(this.lines) };
  }

  [cborValue](): unknown {
    return this.lines;
  }

  static {
    brandValue(this, 'GeometryPolygon', TAG_GEOMETRY_POLYGON);
  }
}

export class GeometryMultiPoint extends Geometry {
  declare readonly points: readonly GeometryPoint[];

  constructor(points: readonly GeometryPoint[]) {
    super();
    this.points = checkParts(points, GeometryPoint, 'GeometryPoint');
  }

  toJSON(): GeoJson & { type: 'MultiPoint' } {
    return { type: 'MultiPoint', coordinates: coordinatesOf(this.points) };
  }

  [cborValue](): unknown {
    return this.points;
  }

  static {
    brandValue(this, 'GeometryMultiPoint', TAG_GEOMETRY_MULTIPOINT);
  }
}

export class GeometryMultiLine extends Geometry {
  declare readonly lines: readonly GeometryLine[];

  constructor(lines: readonly GeometryLine[]) {
    super();
    this.lines = checkParts(lines, GeometryLine, 'GeometryLine');
  }

  toJSON(): GeoJson & { type: 'MultiLineString' } {
    return { type: 'MultiLineString', coordinates: coordinatesOf(this.lines) };
  }

  [cborValue](): unknown {
    return this.lines;
  }

  static {
    brandValue(this, 'GeometryMultiLine', TAG_GEOMETRY_MULTILINE);
  }
}

export class GeometryMultiPolygon extends Geometry {
  declare readonly polygons: readonly GeometryPolygon[];

  constructor(polygons: readonly GeometryPolygon[]) {
    super();
    this.polygons = checkParts(polygons, GeometryPolygon, 'GeometryPolygon');
  }

  toJSON(): GeoJson & { type: 'MultiPolygon' } {
    return { type: 'MultiPolygon', coordinates: coordinatesOf(this.polygons) };
  }

  [cborValue](): unknown {
    return this.polygons;
  }

  static {
    brandValue(this, 'GeometryMultiPolygon', TAG_GEOMETRY_MULTIPOLYGON);
  }
}

/** Any mix of geometries (GeoJSON GeometryCollection). */
export class GeometryCollection extends Geometry {
  declare readonly geometries: readonly Geometry[];

  constructor(geometries: readonly Geometry[]) {
    super();
    this.geometries = checkParts(geometries, Geometry, 'Geometry');
  }

  override toString(): string {
    return `{ type: 'GeometryCollection', geometries: [${this.geometries.join(', ')}] }`;
  }

  toJSON(): GeoJson & { type: 'GeometryCollection' } {
    return { type: 'GeometryCollection', geometries: this.geometries.map((g) => g.toJSON()) };
  }

  [cborValue](): unknown {
    return this.geometries;
  }

  static {
    brandValue(this, 'GeometryCollection', TAG_GEOMETRY_COLLECTION);
  }
}

/** A copy of `parts` when each is a `kind` (named `name`: minifiers rename classes); otherwise a TypeError. */
function checkParts<T>(parts: readonly T[], kind: abstract new (...args: never[]) => T, name: string): readonly T[] {
  if (!Array.isArray(parts) || !parts.every((part) => part instanceof kind)) throw new TypeError(`Expected an array of ${name} values`);
  return [...parts];
}

/** The GeoJSON coordinates of each part. */
function coordinatesOf<C>(parts: readonly { toJSON(): { coordinates: C } }[]): C[] {
  return parts.map((part) => part.toJSON().coordinates);
}

/** Nested coordinate arrays with plain numbers (SurrealDB prints coordinates without a float suffix). */
function coordinatesLiteral(coordinates: unknown): string {
  return Array.isArray(coordinates) ? `[${coordinates.map(coordinatesLiteral).join(', ')}]` : coordinate(coordinates as number);
}

/** A coordinate as SurrealDB prints one: a plain number, with the sign of `-0` kept. */
function coordinate(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
