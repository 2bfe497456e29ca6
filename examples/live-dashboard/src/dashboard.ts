/**
 * @module The page: connects over @sdb/ws with the settings the server hands out at
 * `./config.json`, watches every task (a snapshot, then each change as it happens) and keeps the
 * list in step. Titles are user data, so they go in as text, never as HTML.
 */
import { connect } from '@sdb/ws';
import { Task } from './models.ts';

/** What `serve.mjs` answers at `/config.json`. */
export interface DashboardConfig {
  url: string;
  namespace: string;
  database: string;
  username: string;
  password: string;
}

const status = document.querySelector<HTMLElement>('#status')!;
const list = document.querySelector<HTMLUListElement>('#tasks')!;
const tasks = new Map<string, { title: string; done: boolean }>();

function render(): void {
  const items = [...tasks].sort(([, a], [, b]) => a.title.localeCompare(b.title)).map(([id, task]) => {
    const item = document.createElement('li');
    item.dataset.id = id;
    item.className = task.done ? 'done' : '';
    item.textContent = task.title;
    return item;
  });
  list.replaceChildren(...items);
}

async function main(): Promise<void> {
  const config = (await (await fetch('./config.json')).json()) as DashboardConfig;
  const db = await connect(config.url, { namespace: config.namespace, database: config.database, auth: { username: config.username, password: config.password } });
  for await (const event of await Task.objects.using(db).watch()) {
    if (event.action === 'READY') status.textContent = 'live';
    else if (event.action === 'RESYNC') status.textContent = 'reconnected';
    else if (event.action === 'DELETE') tasks.delete(event.id.toString());
    else tasks.set(event.id.toString(), { title: event.instance.title, done: event.instance.done });
    render();
  }
}

main().catch((error: unknown) => {
  status.textContent = `error: ${error instanceof Error ? error.message : String(error)}`;
});
