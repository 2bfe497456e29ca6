/**
 * @module Vitest global setup: clears the figures of the previous run before the suite, and after
 * it writes FIGURES.md (one table per area) from what the test files recorded.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { FIGURES_DIR, readFigures } from './figures.ts';
import { SOAK } from './scale.ts';

const REPORT = new URL('../../FIGURES.md', import.meta.url).pathname;

export default function setup(): () => void {
  rmSync(FIGURES_DIR, { recursive: true, force: true });
  return () => {
    const areas = Object.entries(readFigures());
    if (areas.length === 0) return;
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
