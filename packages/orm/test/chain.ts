/**
 * Models linked in a chain four links long (worker → office → city → country → planet), for
 * lookups across several record links, at run time and in the types.
 */
import { f, model } from '../src/index.ts';

export const Planet = model('planet', { name: f.string() });
export const Country = model('country', { name: f.string(), planet: f.link(() => Planet).optional() });
export const City = model('city', { name: f.string(), country: f.link(() => Country).optional(), size: f.int().default(0) });
export const Office = model('office', { name: f.string(), city: f.link(() => City).optional() });
export const Worker = model('worker', { name: f.string(), office: f.link(() => Office).optional(), bio: f.string().optional() });
