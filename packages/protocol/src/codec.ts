/**
 * @module The CBOR codec's public face: `encode`, `decode`, `CborError`, and `Tagged` for tags
 * it does not interpret.
 */
export { CborError } from './cbor/cbor-error.ts';
export { decode } from './cbor/decoder.ts';
export { encode } from './cbor/encoder.ts';
export { Tagged } from './cbor/tagged.ts';
