/**
 * `npm run charts`: writes the machines' charts into machines/README.md,
 * between its chart markers. What it writes comes from
 * `machines/chart-readme.ts`; this script only reads and writes the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chartsSection, withCharts } from '../machines/chart-readme';

const readmePath = fileURLToPath(new URL('../machines/README.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');
const updated = withCharts(readme, chartsSection());
if (updated === readme) console.log('machines/README.md: the charts are up to date');
else {
  writeFileSync(readmePath, updated);
  console.log('machines/README.md: charts written');
}
