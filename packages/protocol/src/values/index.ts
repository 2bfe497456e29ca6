/**
 * @module The SurrealDB value classes.
 */
export { BoundExcluded, BoundIncluded, type Bound } from './bound.ts';
export { Datetime } from './datetime.ts';
export { Decimal } from './decimal.ts';
export { Duration } from './duration.ts';
export { FileRef } from './file-ref.ts';
export { Future } from './future.ts';
export {
  Geometry,
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  type Coordinates,
  type GeoJson,
} from './geometry.ts';
export { Range } from './range.ts';
export { RecordId, type RecordIdKey } from './record-id.ts';
export { RecordIdRange } from './record-id-range.ts';
export { Table } from './table.ts';
export { Uuid } from './uuid.ts';
