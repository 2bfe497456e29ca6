/**
 * @module The engine's named constants (SurrealDB 3.0.2 `core/src/sql/constant.rs`), as expressions.
 */
import { Expression, type ConstantNode } from './expression.ts';

function constant<T>(name: string): Expression<T> {
  const node: ConstantNode = { kind: 'constant', name };
  return new Expression<T>(node);
}

/** `math::PI`, `math::E`, `math::INF`... */
export const mathConstants = {
  E: constant<number>('math::E'),
  FRAC_1_PI: constant<number>('math::FRAC_1_PI'),
  FRAC_1_SQRT_2: constant<number>('math::FRAC_1_SQRT_2'),
  FRAC_2_PI: constant<number>('math::FRAC_2_PI'),
  FRAC_2_SQRT_PI: constant<number>('math::FRAC_2_SQRT_PI'),
  FRAC_PI_2: constant<number>('math::FRAC_PI_2'),
  FRAC_PI_3: constant<number>('math::FRAC_PI_3'),
  FRAC_PI_4: constant<number>('math::FRAC_PI_4'),
  FRAC_PI_6: constant<number>('math::FRAC_PI_6'),
  FRAC_PI_8: constant<number>('math::FRAC_PI_8'),
  INF: constant<number>('math::INF'),
  LN_10: constant<number>('math::LN_10'),
  LN_2: constant<number>('math::LN_2'),
  LOG10_2: constant<number>('math::LOG10_2'),
  LOG10_E: constant<number>('math::LOG10_E'),
  LOG2_10: constant<number>('math::LOG2_10'),
  LOG2_E: constant<number>('math::LOG2_E'),
  NEG_INF: constant<number>('math::NEG_INF'),
  PI: constant<number>('math::PI'),
  SQRT_2: constant<number>('math::SQRT_2'),
  TAU: constant<number>('math::TAU'),
} as const;

/** `time::EPOCH`, `time::MINIMUM`, `time::MAXIMUM`. */
export const timeConstants = {
  EPOCH: constant<unknown>('time::EPOCH'),
  MINIMUM: constant<unknown>('time::MINIMUM'),
  MAXIMUM: constant<unknown>('time::MAXIMUM'),
} as const;

/** `duration::MAX`. */
export const durationConstants = {
  MAX: constant<unknown>('duration::MAX'),
} as const;
