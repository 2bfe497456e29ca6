/**
 * @module The models modules the CLI tests write into their projects, as a user's `models.mjs`
 * would declare them: an author and the posts that link to it, then the same with one field more.
 */
export const MODELS = `import { f, model } from '@sdb/orm';

export const Author = model('author', { name: f.string(), email: f.string().unique() }, { schemafull: true });
export const Post = model('post', { title: f.string(), author: f.link(() => Author), published: f.bool().default(false) }, { schemafull: true });
`;

/** MODELS with `author.bio` added. */
export const MODELS_WITH_BIO = MODELS.replace('email: f.string().unique() }', 'email: f.string().unique(), bio: f.string().optional() }');
