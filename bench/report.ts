/**
 * npm run bench:report [-- N]  — renders the merged PDF (en and ko), CSV and JSON for N findings
 * (default 5,000) and prints wall and CPU time, peak heap and max RSS. The PDF streams to a file.
 * npm run bench:report -- --docs  — re-renders docs/report-ko.png and docs/report-en.png (needs pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findingsToCsv } from '../src/reports/csv.js';
import { buildJsonReport } from '../src/reports/json.js';
import { renderAdvisorPdf } from '../src/reports/pdf.js';
import { fixtureReportInput } from '../test/reports/fixtures.js';

const args = process.argv.slice(2);
if (args.includes('--docs')) {
  await renderDocsPages();
  process.exit(0);
}
const count = Number(args[0] ?? 5000);
if (!Number.isInteger(count) || count <= 0) {
  console.error('usage: npm run bench:report -- [number of findings]');
  process.exit(2);
}

let peakHeap = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 20);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function measure(name: string, run: () => Promise<string>): Promise<void> {
  peakHeap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const detail = await run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${name.padEnd(20)} wall ${(ms / 1000).toFixed(2).padStart(6)} s  cpu ${cpuSeconds.toFixed(2).padStart(6)} s  peak heap ${mb(peakHeap).padStart(9)}   max RSS so far ${mb(rss).padStart(9)}   ${detail}`,
  );
}

const dir = await mkdtemp(path.join(tmpdir(), 'report-bench-'));
try {
  console.log(`findings: ${count}   node ${process.version}   baseline RSS ${mb(process.memoryUsage().rss)}`);
  for (const lang of ['en', 'ko'] as const) {
    const input = fixtureReportInput({ lang }, count);
    await measure(`pdf ${lang} (2 passes)`, async () => {
      const file = path.join(dir, `report-${lang}.pdf`);
      await renderAdvisorPdf(input, createWriteStream(file));
      return `size ${mb((await stat(file)).size)}`;
    });
  }
  const input = fixtureReportInput({ lang: 'ko' }, count);
  await measure('csv ko', async () => `size ${mb(Buffer.byteLength(findingsToCsv(input)))}`);
  await measure(
    'json ko',
    async () => `size ${mb(Buffer.byteLength(JSON.stringify(buildJsonReport(input))))}`,
  );
} finally {
  clearInterval(sampler);
  await rm(dir, { recursive: true, force: true });
}

/** One page per language for the README: the executive summary in Korean, a service page in English. */
async function renderDocsPages(): Promise<void> {
  const out = await mkdtemp(path.join(tmpdir(), 'report-docs-'));
  try {
    for (const [lang, page] of [
      ['ko', 3],
      ['en', 4],
    ] as const) {
      const file = path.join(out, `${lang}.pdf`);
      await renderAdvisorPdf(fixtureReportInput({ lang }, 120), createWriteStream(file));
      const target = path.resolve('docs', `report-${lang}`);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        file,
        target,
      ]);
      console.log(`wrote ${target}.png`);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
