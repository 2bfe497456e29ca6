/**
 * @module One endpoint's health as the pool sees it: healthy, or marked down after a failure and
 * due for another try after a backoff that doubles with each failure in a row.
 */
import type { EndpointStats } from './errors.ts';

export class Endpoint {
  /** Failures in a row; 0 while healthy. */
  failures = 0;
  /** While down: when it may be tried again (ms since the epoch). */
  retryAt = 0;
  /** A connect to it is under way while it is down: only one probe at a time. */
  probing = false;
  /** Open members on it, and members being connected to it. */
  members = 0;
  connecting = 0;
  /** Members on it serving a call or a lease. */
  busy = 0;

  constructor(
    readonly url: string,
    /** The URL without any user name or password, for stats and messages. */
    readonly shownUrl: string,
  ) {}

  get healthy(): boolean {
    return this.failures === 0;
  }

  /** Whether a new member may be connected to it now. */
  usable(now: number): boolean {
    return this.healthy || (!this.probing && now >= this.retryAt);
  }

  succeeded(): void {
    this.failures = 0;
    this.retryAt = 0;
  }

  failed(now: number, backoff: { initialDelay: number; maxDelay: number }): void {
    this.failures++;
    this.retryAt = now + Math.min(backoff.maxDelay, backoff.initialDelay * 2 ** (this.failures - 1));
  }

  stats(): EndpointStats {
    return { url: this.shownUrl, healthy: this.healthy, members: this.members, failures: this.failures };
  }
}

/** `url` without its user name and password, so that stats and errors never show a secret. */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}
