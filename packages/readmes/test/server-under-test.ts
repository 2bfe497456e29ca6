/**
 * @module What every README snippet has in scope: the WebSocket (`url`) and HTTP (`httpUrl`)
 * address of the server under test, from the vitest global setup.
 */
import { surrealdb } from '../../embedded/test-support/index.ts';

export const { url, httpUrl } = surrealdb();
