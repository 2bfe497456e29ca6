/** The dashboard's one model, shared by the page and by whatever writes the records. */
import { f, model } from '@sdb/orm';

export const Task = model('task', { title: f.string(), done: f.bool().default(false) }, { schemafull: true });
