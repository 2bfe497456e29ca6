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
  cborTag,
  cborValue,
} from '../cbor/tags.ts';
import { brand, isBranded } from './brand.ts';
import { valuesEqual } from './equality.ts';

export type Coordinates = readonly [number, number];
export type GeoJson =
  | { type: 'Point'; coordinates: Coordinates }
  | { type: 'LineString' | 'MultiPoint'; coordinates: Coordinates[] }
  | { type: 'Polygon' | 'MultiLineString'; coordinates: Coordinates[][] }
  | { type: 'MultiPolygon'; coordinates: Coordinates[][][] }
  | { type: 'GeometryCollection'; geometries: GeoJson[] };

const GEOMETRY = brand('Geometry');
const POINT = brand('GeometryPoint');
const LINE = brand('GeometryLine');
const POLYGON = brand('GeometryPolygon');
const MULTI_POINT = brand('GeometryMultiPoint');
const MULTI_LINE = brand('GeometryMultiLine');
const MULTI_POLYGON = brand('GeometryMultiPolygon');
const COLLECTION = brand('GeometryCollection');

/** What every geometry shares: GeoJSON output, SurrealQL text and structural equality. */
export abstract class Geometry {
  abstract toJSON(): GeoJson;
  abstract [cborValue](): unknown;
  abstract get [cborTag](): number;

  /**
   * SurrealQL literal, as SurrealDB prints geometries: a GeoJSON-shaped object with `type`
   * first (a point overrides this with `(x, y)`, a collection lists its members' literals).
   */
  toString(): string {
    const json = this.toJSON() as GeoJson & { coordinates: unknown };
    return `{ type: '${json.type}', coordinates: ${coordinatesLiteral(json.coordinates)} }`;
  }

  equals(other: unknown): boolean {
    return other instanceof Geometry && valuesEqual(this.toJSON(), other.toJSON());
  }

  get [GEOMETRY](): true {
    return true;
  }

  static [Symbol.hasInstance](value: unknown): value is Geometry {
    return isBranded(this, Geometry, GEOMETRY, value);
  }
}

/** A point: `[longitude, latitude]` (or `[x, y]`). */
export class GeometryPoint extends Geometry {
  readonly coordinates: Coordinates;

  constructor(coordinates: Coordinates) {
    super();
    const [x, y] = coordinates;
    if (coordinates.length !== 2 || typeof x !== 'number' || typeof y !== 'number') throw new TypeError('A point is [x, y] numbers');
    this.coordinates = [x, y];
  }

  override toString(): string {
    return `(${this.coordinates[0]}, ${this.coordinates[1]})`;
  }

  toJSON(): GeoJson & { type: 'Point' } {
    return { type: 'Point', coordinates: [...this.coordinates] };
  }

  get [POINT](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_GEOMETRY_POINT;
  }

  [cborValue](): unknown {
    return [...this.coordinates];
  }

  static override [Symbol.hasInstance](value: unknown): value is GeometryPoint {
    return isBranded(this, GeometryPoint, POINT, value);
  }
}

/** A line through two or more points (GeoJSON LineString). */
export class GeometryLine extends Geometry {
  readonly points: readonly GeometryPoint[];

  constructor(points: readonly GeometryPoint[]) {
    super();
    this.points = checkParts(points, GeometryPoint, 'line');
  }

  toJSON(): GeoJson & { type: 'LineString' } {
    return { type: 'LineString', coordinates: this.points.map((p) => p.toJSON().coordinates) };
  }

  get [LINE](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_GEOMETRY_LINE;
  }

  [cborValue](): unknown {
    return this.points;
  }

  static override [Symbol.hasInstance](value: unknown): value is GeometryLine {
    return isBranded(this, GeometryLine, LINE, value);
  }
}

/** A polygon: an exterior ring, then any interior rings (holes), each a closed line. */
export class GeometryPolygon extends Geometry {
  readonly lines: readonly GeometryLine[];

  constructor(lines: readonly GeometryLine[]) {
    super();
    this.lines = checkParts(lines, GeometryLine, 'polygon');
  }

  toJSON(): GeoJson & { type: 'Polygon' } {
    return { type: 'Polygon', coordinates: this.lines.map((l) => l.toJSON().coordinates) };
  }

  get [POLYGON](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_GEOMETRY_POLYGON;
  }

  [cborValue](): unknown {
    return this.lines;
  }

  static override [Symbol.hasInstance](value: unknown): value is GeometryPolygon {
    return isBranded(this, GeometryPolygon, POLYGON, value);
  }
}

export class GeometryMultiPoint extends Geometry {
  readonly points: readonly GeometryPoint[];

  constructor(points: readonly GeometryPoint[]) {
    super();
    this.points = checkParts(points, GeometryPoint, 'multipoint');
  }

  toJSON(): GeoJson & { type: 'MultiPoint' } {
    return { type: 'MultiPoint', coordinates: this.points.map((p) => p.toJSON().coordinates) };
  }

  get [MULTI_POINT](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_GEOMETRY_MULTIPOINT;
  }

  [cborValue](): unknown {
    return this.points;
  }

  static override [Symbol.hasInstance](value: unknown): value is GeometryMultiPoint {
    return isBranded(this, GeometryMultiPoint, MULTI_POINT, value);
  }
}

export class GeometryMultiLine extends Geometry {
  readonly lines: readonly GeometryLine[];

  constructor(lines: readonly GeometryLine[]) {
    super();
    this.lines = checkParts(lines, GeometryLine, 'multiline');
  }

  toJSON(): GeoJson & { type: 'MultiLineString' } {
    return { type: 'MultiLineString', coordinates: this.lines.map((l) => l.toJSON().coordinates) };
  }

  get [MULTI_LINE](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_GEOMETRY_MULTILINE;
  }

  [cborValue](): unknown {
    return this.lines;
  }

  static override [Symbol.hasInstance](value: unknown): value is GeometryMultiLine {
    return isBranded(this, GeometryMultiLine, MULTI_LINE, value);
  }
}

export class GeometryMultiPolygon extends Geometry {
  readonly polygons: readonly GeometryPolygon[];

  constructor(polygons: readonly GeometryPolygon[]) {
    super();
    this.polygons = checkParts(polygons, GeometryPolygon, 'multipolygon');
  }

  toJSON(): GeoJson & { type: 'MultiPolygon' } {
    return { type: 'MultiPolygon', coordinates: this.polygons.map((p) => p.toJSON().coordinates) };
  }

  get [MULTI_POLYGON](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_GEOMETRY_MULTIPOLYGON;
  }

  [cborValue](): unknown {
    return this.polygons;
  }

  static override [Symbol.hasInstance](value: unknown): value is GeometryMultiPolygon {
    return isBranded(this, GeometryMultiPolygon, MULTI_POLYGON, value);
  }
}

/** Any mix of geometries (GeoJSON GeometryCollection). */
export class GeometryCollection extends Geometry {
  readonly geometries: readonly Geometry[];

  constructor(geometries: readonly Geometry[]) {
    super();
    this.geometries = checkParts(geometries, Geometry, 'collection');
  }

  override toString(): string {
    return `{ type: 'GeometryCollection', geometries: [${this.geometries.join(', ')}] }`;
  }

  toJSON(): GeoJson & { type: 'GeometryCollection' } {
    return { type: 'GeometryCollection', geometries: this.geometries.map((g) => g.toJSON()) };
  }

  get [COLLECTION](): true {
    return true;
  }

  get [cborTag](): number {
    return TAG_GEOMETRY_COLLECTION;
  }

  [cborValue](): unknown {
    return this.geometries;
  }

  static override [Symbol.hasInstance](value: unknown): value is GeometryCollection {
    return isBranded(this, GeometryCollection, COLLECTION, value);
  }
}

function checkParts<T>(parts: readonly T[], kind: abstract new (...args: never[]) => T, what: string): readonly T[] {
  if (!Array.isArray(parts) || !parts.every((part) => part instanceof kind)) {
    throw new TypeError(`A ${what} is made of ${kind.name} values`);
  }
  return [...parts];
}

/** Nested coordinate arrays with plain numbers (SurrealDB prints coordinates without a float suffix). */
function coordinatesLiteral(coordinates: unknown): string {
  return Array.isArray(coordinates) ? `[${coordinates.map(coordinatesLiteral).join(', ')}]` : String(coordinates);
}
