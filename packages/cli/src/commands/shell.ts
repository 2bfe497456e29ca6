/**
 * @module `sdb shell`: a Node REPL (top-level await on) with the config's connection as `db`
 * (also given to the ORM as its default connection, so `Person.objects.count()` works) and every
 * model of the models module in scope under its export name. Ends at `.exit` or end of input;
 * the connection closes with it.
 */
import { start } from 'node:repl';
import { configure } from '@sdb/orm';
import { clientOf, type Command } from '../command.ts';
import { loadModels } from '../project.ts';

export const shell: Command = {
  usage: 'shell',
  summary: 'a REPL with the connection (db) and the models in scope',
  options: {},
  positionals: { min: 0, max: 0 },
  needsDatabase: true,
  async run(context) {
    const db = clientOf(context);
    const { names, models } = context.config.models === undefined ? { names: [], models: [] } : await loadModels(context.config);
    configure({ default: db });
    context.report.say(`sdb shell: db is ${context.config.namespace}/${context.config.database}${names.length > 0 ? `; models: ${names.join(', ')}` : ''}\n`);
    // Line editing and history on a terminal; plain lines when piped.
    const terminal = (context.stdout as { isTTY?: boolean }).isTTY === true;
    const repl = start({ prompt: 'sdb> ', input: context.stdin, output: context.stdout, terminal, useGlobal: false });
    Object.assign(repl.context, { db }, Object.fromEntries(names.map((name, index) => [name, models[index]])));
    // Node's REPL evaluates piped lines as they arrive, without waiting for an earlier `await`,
    // and ends with its input: chain the evaluations, so lines run in order, and wait for the last.
    const evaluate = repl.eval;
    let evaluated = Promise.resolve();
    const inOrder: typeof repl.eval = (code, scope, file, done) => {
      const next = () =>
        new Promise<void>((settled) =>
          evaluate.call(repl, code, scope, file, (error, result) => {
            done(error, result);
            settled();
          }),
        );
      evaluated = evaluated.then(next);
    };
    (repl as { eval: typeof repl.eval }).eval = inOrder;
    await new Promise<void>((resolve) => repl.once('exit', resolve));
    await evaluated;
    return { lines: [], data: { models: names } };
  },
};
