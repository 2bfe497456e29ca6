/**
 * @module What a model needs without checking anything: missing fields filled in from their
 * default values (`new Model(data)`), and copies of mutable values so that no two records share
 * an array or object. The checks (./validate.ts) load with the first write.
 */
import type { FieldMap } from './infer.ts';

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** `data` with each missing field that has a default value filled in (a copy per record, never shared). */
export function withDefaults(fields: FieldMap, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const name in fields) {
    const spec = fields[name]!.config.default;
    if (out[name] === undefined && spec !== undefined && 'value' in spec) out[name] = copyValue(spec.value);
  }
  return out;
}

/** A copy of arrays, sets and plain objects, deep; other values as they are (they are immutable). */
export function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (value instanceof Set) return new Set([...value].map(copyValue));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = copyValue(value[key]);
    return out;
  }
  return value;
}
