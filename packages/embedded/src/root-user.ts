/**
 * @module The `DEFINE USER ... ON ROOT` statement for the server's root credentials. `DEFINE USER`
 * takes no parameters for its name or password, so both are escaped here: the name must be a
 * plain identifier, the password becomes a SurrealQL string literal.
 */
import { invalidOption } from '@sdb/protocol/transport';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `DEFINE USER OVERWRITE <user> ON ROOT PASSWORD "<pass>" ROLES OWNER`; throws on an unusable name. */
export function defineRootUser(user: string, pass: string): string {
  if (!IDENTIFIER.test(user)) {
    throw invalidOption('startServer', 'auth.username', 'be letters, digits and underscores, starting with a letter or underscore');
  }
  if (pass === '') throw invalidOption('startServer', 'auth.password', 'not be empty');
  return `DEFINE USER OVERWRITE ${user} ON ROOT PASSWORD ${stringLiteral(pass)} ROLES OWNER`;
}

/** A double-quoted SurrealQL string whose value is exactly `value`. */
function stringLiteral(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
