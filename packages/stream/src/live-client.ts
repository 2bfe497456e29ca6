/**
 * @module The contract @sdb/stream needs from a live-capable client, structurally, so that it
 * runs over @sdb/ws and @sdb/embedded without importing either, and `openLive`, which registers a
 * LIVE SELECT through whichever form the client has and forwards its raw messages.
 *
 * - A client with `liveQuery` (the @sdb/ws client and its sessions) registers the query itself
 *   and re-issues it after a reconnect, announcing that with a `RESUMED` message.
 * - A client whose `transport` pushes notifications (the @sdb/embedded client, any `RpcClient`
 *   over a live transport) runs the LIVE SELECT as a query; its notifications are picked out by
 *   the live query id. It never reconnects, so it never resumes.
 */
import { InvalidArgumentError, ProtocolError, Uuid, type CompiledQuery, type LiveNotification, type Queryable } from '@sdb/protocol';

/** A message of a live query as a client hands it over: a notification, or `RESUMED` after a reconnect. */
export interface LiveFeedMessage {
  action: string;
  record?: unknown;
  result?: unknown;
}

/** A live query registered by the client, that it iterates and kills. */
export interface LiveFeed extends AsyncIterable<LiveFeedMessage> {
  kill(): Promise<void>;
}

/** A client that registers live queries itself and re-issues them after a reconnect (@sdb/ws). */
export interface ReissuingLiveClient extends Queryable {
  liveQuery(query: CompiledQuery): Promise<LiveFeed>;
}

/** A client whose transport pushes live notifications (@sdb/embedded; an `RpcClient` over a live transport). */
export interface NotifyingClient extends Queryable {
  readonly transport: {
    /** A transport that says `live: false` (HTTP) is refused. */
    readonly capabilities?: { readonly live: boolean };
    onNotification(listener: (notification: LiveNotification) => void): () => void;
  };
}

/** Any client `live` and `watch` take. */
export type LiveClient = ReissuingLiveClient | NotifyingClient;

/** Where `openLive` delivers a live query's messages. */
export interface LiveSink {
  message(message: LiveFeedMessage): void;
  /** The live query ended: killed, KILLED by the server, or its client closed (then with an error). */
  end(error?: unknown): void;
}

/** A registered live query; `kill` stops it on the server. */
export interface OpenLive {
  kill(): Promise<void>;
}

/** Registers `query` (one LIVE SELECT) and forwards its messages to `sink` until it ends. */
export async function openLive(method: string, client: LiveClient, query: CompiledQuery, sink: LiveSink): Promise<OpenLive> {
  if (typeof (client as Partial<ReissuingLiveClient>).liveQuery === 'function') return openReissuing(client as ReissuingLiveClient, query, sink);
  const transport = (client as Partial<NotifyingClient>).transport;
  if (typeof transport?.onNotification === 'function' && transport.capabilities?.live !== false) return openNotifying(client as NotifyingClient, query, sink);
  throw new InvalidArgumentError(method, 'client', 'A live query needs a live-capable client: the @sdb/ws client or a session, or a client whose transport pushes notifications (@sdb/embedded); over HTTP use changes()');
}

async function openReissuing(client: ReissuingLiveClient, query: CompiledQuery, sink: LiveSink): Promise<OpenLive> {
  const feed = await client.liveQuery(query);
  void (async () => {
    try {
      for await (const message of feed) sink.message(message);
      sink.end();
    } catch (error) {
      sink.end(error);
    }
  })();
  return { kill: () => feed.kill() };
}

async function openNotifying(client: NotifyingClient, query: CompiledQuery, sink: LiveSink): Promise<OpenLive> {
  // Listen before registering: a notification can arrive before the reply that names its query.
  let liveId: Uuid | undefined;
  const early: LiveNotification[] = [];
  const deliver = (notification: LiveNotification) => {
    sink.message(notification);
    if (notification.action === 'KILLED') finish();
  };
  const stop = client.transport.onNotification((notification) => {
    if (liveId === undefined) early.push(notification);
    else if (sameId(notification.id, liveId)) deliver(notification);
  });
  const finish = (error?: unknown) => {
    stop();
    sink.end(error);
  };
  try {
    const [id] = await client.queryAll<[unknown]>(query);
    if (!(id instanceof Uuid)) throw new ProtocolError('The LIVE SELECT statement did not answer a live query id');
    liveId = id;
  } catch (error) {
    stop();
    throw error;
  }
  const registered = liveId;
  for (const notification of early.splice(0)) if (sameId(notification.id, registered)) deliver(notification);
  return {
    kill: async () => {
      try {
        await client.queryAll('KILL $id', { id: registered });
      } finally {
        finish();
      }
    },
  };
}

function sameId(a: unknown, b: Uuid): boolean {
  return a instanceof Uuid && a.toJSON() === b.toJSON();
}
