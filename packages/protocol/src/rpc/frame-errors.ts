/**
 * @module The error of a frame over a transport's `maxFrameBytes`, in a module of its own so
 * that only the transports that have the limit carry it (a class with static fields cannot be
 * tree-shaken out of a module that is otherwise used).
 */
import { SdbError, errorBrand } from './errors.ts';

/**
 * A request's frame is larger than the transport's `maxFrameBytes`: refused before anything is
 * sent, so the connection and the other calls on it are untouched.
 */
export class FrameTooLargeError extends SdbError {
  static override readonly [errorBrand]: string = 'FrameTooLargeError';

  constructor(
    /** The frame's size, in bytes. */
    readonly bytes: number,
    /** The `maxFrameBytes` it exceeds. */
    readonly limit: number,
    message: string,
  ) {
    super(message);
  }
}
