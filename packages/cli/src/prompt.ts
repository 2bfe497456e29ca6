/**
 * @module Yes/no questions on the user's terminal (node:readline), for the commands that ask
 * (`sdb makemigrations` about renames). Only a terminal is asked: piped input, CI and `--json`
 * never are, so a script never hangs on a question.
 */
import { createInterface } from 'node:readline';

export interface Questions {
  /** Writes `question` with `[y/N]` and reads one line: `y` or `yes` (any case) is yes; anything else, or the end of input, is no. */
  ask(question: string): Promise<boolean>;
  close(): void;
}

/** Whether `input` is a terminal someone can answer on. */
export function isTerminal(input: NodeJS.ReadableStream): boolean {
  return (input as { isTTY?: boolean }).isTTY === true;
}

/** Questions read from `input`, written with `write`. Lines typed ahead are kept for the next questions. */
export function questionsOn(input: NodeJS.ReadableStream, write: (text: string) => void): Questions {
  const reader = createInterface({ input, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  return {
    async ask(question) {
      write(`${question} [y/N] `);
      const line = await lines.next();
      if (line.done === true) write('\n');
      return line.done !== true && /^y(es)?$/i.test(line.value.trim());
    },
    close: () => reader.close(),
  };
}
