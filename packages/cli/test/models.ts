/**
 * @module The models module the CLI tests write into their projects: an author and the posts that
 * link to it, as a user's `models.mjs` would declare them.
 */
export const MODELS = `import { f, model } from '@sdb/orm';

export const Author = model('author', { name: f.string(), email: f.string().unique() }, { schemafull: true });
export const Post = model('post', { title: f.string(), author: f.link(() => Author), published: f.bool().default(false) }, { schemafull: true });
`;
