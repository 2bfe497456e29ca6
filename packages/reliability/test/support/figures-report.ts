/**
 * @module Vitest global setup: clears the figures of the previous run before the suite, and after
 * a run of the whole suite writes FIGURES.md (one table per area) from what the test files recorded.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { FIGURES_DIR, readFigures } from './figures.ts';
import { SOAK } from './scale.ts';

const REPORT = new URL('../../FIGURES.md', import.meta.url).pathname;
/** One per test file: a run of only some files (`vitest run test/x`, `-t`) leaves FIGURES.md as it was. */
const AREAS = ['cbor-fuzz', 'faults', 'hostile-frames', 'injection', 'load-pool', 'load-ws', 'secrets', 'tls'];

export default function setup(): () => void {
  rmSync(FIGURES_DIR, { recursive: true, force: true });
  return () => {
    const areas = Object.entries(readFigures());
    if (AREAS.some((area) => !areas.some(([name]) => name === area))) return;
    const lines = [
      '# Reliability figures',
      '',
      `Written by \`packages/reliability\` on ${new Date().toISOString()} (${SOAK ? 'soak setting, SDB_SOAK=1' : 'CI setting'}, Node ${process.version}).`,
      '',
    ];
    for (const [area, figures] of areas) {
      lines.push(`## ${area}`, '', '| figure | value |', '|---|---|');
      for (const [name, value] of Object.entries(figures)) lines.push(`| ${name} | ${typeof value === 'number' ? value.toLocaleString('en-US') : value} |`);
      lines.push('');
    }
    writeFileSync(REPORT, lines.join('\n'));
  };
}
