/**
 * What every README snippet has in scope without importing it: the WebSocket (`url`) and HTTP
 * (`httpUrl`) address of the server under test. The README test sets both on `globalThis`
 * before it runs a snippet; a snippet may declare its own `url`, which shadows these.
 */
declare var url: string;
declare var httpUrl: string;
