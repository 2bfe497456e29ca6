/**
 * The models the integration suites share: the Company and Person.
 */
import { fn } from '@sdb/functions';
import { param } from '@sdb/ql';
import { f, model } from '../src/index.ts';

export const Company = model('company', { name: f.string(), country: f.string().optional() });

export const Person = model(
  'person',
  {
    name: f.string(),
    email: f.string().unique().assert(fn.string.isEmail(param('value')), (value) => value.includes('@')),
    age: f.int().default(0),
    score: f.float().optional(),
    company: f.link(() => Company).optional(),
    tags: f.array(f.string()).default([]),
    joined: f.datetime().defaultNow(),
    meta: f.object({ plan: f.literal('free', 'pro') }).optional(),
    code: f.string().optional().readonly(),
  },
  { schemafull: true },
);
