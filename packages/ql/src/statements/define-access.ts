/**
 * @module DEFINE ACCESS (JWT, RECORD, BEARER) and DEFINE USER: who may sign in, and how.
 * Keys and passwords are held in the node as given and never echoed in errors.
 */
import { Expression, toNode, type OperationNode } from '@sdb/functions/core';
import { DefineStatement, type DefineBase } from './define-base.ts';
import { accessDurations, durations, jwtNode, recordAccess, text, type AccessMethod, type DurationsNode } from './schema-clauses.ts';
import { ROLES, level, oneOf, type Level, type Role } from './schema-keywords.ts';


export interface DefineAccessNode extends DefineBase {
  readonly kind: 'defineAccess';
  readonly on: Level;
  readonly method?: AccessMethod;
  /** `AUTHENTICATE expression`: run on every sign-in; it may throw to refuse. */
  readonly authenticate?: OperationNode;
  readonly duration?: DurationsNode;
}

export class DefineAccess extends DefineStatement<DefineAccessNode> {
  /** `TYPE JWT ALGORITHM alg KEY 'key'`. */
  jwt(options: { algorithm: string; key: string }): this {
    return this.with({ method: { type: 'JWT', ...jwtNode(options) } });
  }

  /**
   * `TYPE RECORD [SIGNUP (...)] [SIGNIN (...)] [WITH REFRESH] [WITH JWT ALGORITHM alg KEY 'key']`;
   * `refresh: true` makes sign-in also answer a refresh token.
   */
  record(options: { signup?: Expression; signin?: Expression; jwt?: { algorithm: string; key: string }; refresh?: boolean }): this {
    return this.with({ method: recordAccess(options) });
  }

  /** `TYPE BEARER FOR USER | RECORD`. */
  bearer(subject: 'user' | 'record'): this {
    return this.with({ method: { type: 'BEARER', for: oneOf(['USER', 'RECORD'], subject, 'bearer subject') } });
  }

  authenticate(check: Expression): this {
    return this.with({ authenticate: toNode(check) });
  }

  duration(options: { grant?: string; token?: string; session?: string }): this {
    return this.with({ duration: accessDurations(options) });
  }
}


/** At most one of `password` and `passhash`. */
export interface DefineUserNode extends DefineBase {
  readonly kind: 'defineUser';
  readonly on: Level;
  readonly password?: string;
  readonly passhash?: string;
  readonly roles?: readonly Role[];
  readonly duration?: Omit<DurationsNode, 'grant'>;
}

export class DefineUser extends DefineStatement<DefineUserNode> {
  password(password: string): this {
    return this.with({ password: text(password, 'A password'), passhash: undefined });
  }

  passhash(hash: string): this {
    return this.with({ passhash: text(hash, 'A password hash'), password: undefined });
  }

  roles(...roles: ('owner' | 'editor' | 'viewer')[]): this {
    return this.with({ roles: roles.map((role) => oneOf(ROLES, role, 'role')) });
  }

  duration(options: { token?: string; session?: string }): this {
    return this.with({ duration: durations(options, ['token', 'session']) });
  }
}

export const accessBuilders = {
  access: (name: string, on: 'root' | 'namespace' | 'database') => new DefineAccess({ kind: 'defineAccess', name, on: level(on) }),
  user: (name: string, on: 'root' | 'namespace' | 'database') => new DefineUser({ kind: 'defineUser', name, on: level(on) }),
};
