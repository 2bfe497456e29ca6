/**
 * @module QueryCompiler: the core compiler plus the schema printer, so it prints every node,
 * DEFINE and REMOVE ones built by hand included. Schema statements store their expressions and
 * evaluate them later, when the query's parameters are gone, so the values inside a DEFINE are
 * written as literals (the literal printer, too, comes only with this class).
 */
import { toSurrealQL } from '@sdb/protocol';
import { CoreCompiler } from './compiler.ts';
import { printDefine, printRemove } from './schema-compiler.ts';
import type { DefineNode } from './statements/define.ts';
import type { RemoveNode } from './statements/remove.ts';

export class QueryCompiler extends CoreCompiler {
  /** How many DEFINE statements are being printed (one may nest in another's clause). */
  #defining = 0;

  override bind(value: unknown): string {
    return this.#defining > 0 ? toSurrealQL(value) : super.bind(value);
  }

  protected override schemaStatement(node: DefineNode | RemoveNode): string {
    if (node.kind === 'remove') return printRemove(this, node);
    this.#defining++;
    try {
      return printDefine(this, node);
    } finally {
      this.#defining--;
    }
  }
}
