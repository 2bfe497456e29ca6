/**
 * @module The engine's named constants (SurrealDB 3.0.2 `core/src/sql/constant.rs`), as expressions.
 * Each is made by a pure call, so a bundle that uses none carries none.
 */
import { Expression, type ConstantNode } from './expression.ts';

function constant<T>(name: string): Expression<T> {
  const node: ConstantNode = { kind: 'constant', name };
  return new Expression<T>(node);
}

/** `math::PI`, `math::E`, `math::INF`... */
export const mathConstants = {
  E: /* @__PURE__ */ constant<number>('math::E'),
  FRAC_1_PI: /* @__PURE__ */ constant<number>('math::FRAC_1_PI'),
  FRAC_1_SQRT_2: /* @__PURE__ */ constant<number>('math::FRAC_1_SQRT_2'),
  FRAC_2_PI: /* @__PURE__ */ constant<number>('math::FRAC_2_PI'),
  FRAC_2_SQRT_PI: /* @__PURE__ */ constant<number>('math::FRAC_2_SQRT_PI'),
  FRAC_PI_2: /* @__PURE__ */ constant<number>('math::FRAC_PI_2'),
  FRAC_PI_3: /* @__PURE__ */ constant<number>('math::FRAC_PI_3'),
  FRAC_PI_4: /* @__PURE__ */ constant<number>('math::FRAC_PI_4'),
  FRAC_PI_6: /* @__PURE__ */ constant<number>('math::FRAC_PI_6'),
  FRAC_PI_8: /* @__PURE__ */ constant<number>('math::FRAC_PI_8'),
  INF: /* @__PURE__ */ constant<number>('math::INF'),
  LN_10: /* @__PURE__ */ constant<number>('math::LN_10'),
  LN_2: /* @__PURE__ */ constant<number>('math::LN_2'),
  LOG10_2: /* @__PURE__ */ constant<number>('math::LOG10_2'),
  LOG10_E: /* @__PURE__ */ constant<number>('math::LOG10_E'),
  LOG2_10: /* @__PURE__ */ constant<number>('math::LOG2_10'),
  LOG2_E: /* @__PURE__ */ constant<number>('math::LOG2_E'),
  NEG_INF: /* @__PURE__ */ constant<number>('math::NEG_INF'),
  PI: /* @__PURE__ */ constant<number>('math::PI'),
  SQRT_2: /* @__PURE__ */ constant<number>('math::SQRT_2'),
  TAU: /* @__PURE__ */ constant<number>('math::TAU'),
} as const;

/** `time::EPOCH`, `time::MINIMUM`, `time::MAXIMUM`. */
export const timeConstants = {
  EPOCH: /* @__PURE__ */ constant<unknown>('time::EPOCH'),
  MINIMUM: /* @__PURE__ */ constant<unknown>('time::MINIMUM'),
  MAXIMUM: /* @__PURE__ */ constant<unknown>('time::MAXIMUM'),
} as const;

/** `duration::MAX`. */
export const durationConstants = {
  MAX: /* @__PURE__ */ constant<unknown>('duration::MAX'),
} as const;
