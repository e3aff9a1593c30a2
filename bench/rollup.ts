/**
 * The organization roll-up at 500 accounts (npm run bench:rollup): seeds one completed run per
 * account straight into a local storage directory (BENCH_FINDINGS findings each, default 200),
 * then times the figures behind GET /api/dashboard/accounts and GET /api/dashboard?scope=all —
 * the way they were computed before the roll-up index (every source run's findings read, muted
 * and merged per request) and from the roll-up index — cold (a process's first request: the index
 * read, parsed and validated) and warm (the parsed index cached by etag, one head() to check it) —
 * with the storage reads of each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accountKeyOf,
  latestRunPerServiceRegion,
  mergeDashboard,
  mergedFindings,
} from '../src/advisor/dashboard.js';
import { applyMutes, createMuteService } from '../src/advisor/mutes.js';
import { createAdvisorRollup } from '../src/advisor/rollup.js';
import { AdvisorRunStore, type StoredRun } from '../src/advisor/store.js';
import { summarizeFindings } from '../src/advisor/summary.js';
import { allChecks } from '../src/checks/registry.js';
import type { Finding } from '../src/core/findings.js';
import { DocumentStore } from '../src/storage/documents.js';
import { LocalStorage } from '../src/storage/local.js';
import { ParsedDocumentCache } from '../src/storage/parsed-cache.js';
import { CountingStorage } from '../test/support/counting-storage.js';
import { syntheticFindings, writeSyntheticRun } from '../test/support/synthetic-run.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 500);
const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 200);
const USER = 'bench';
const now = new Date('2025-03-01T00:00:00Z');

const dir = await mkdtemp(join(tmpdir(), 'bench-rollup-'));
const storage = new CountingStorage(new LocalStorage(dir));
const documents = new DocumentStore(storage);
const runs = new AdvisorRunStore(documents);
const checkIds = () => new Set(allChecks.map((c) => c.id));
const mutes = createMuteService({
  documents,
  checkIds,
  now: () => now,
});
/** The roll-up of one server process: `parsed` is its cache of parsed indexes (none: every request parses). */
function rollupOf(parsed?: ParsedDocumentCache) {
  const docs = new DocumentStore(storage, undefined, parsed);
  const ownMutes = createMuteService({ documents: docs, checkIds, now: () => now });
  return createAdvisorRollup({
    documents: docs,
    runs: new AdvisorRunStore(docs),
    muteContext: async (u) => ({
      rules: await ownMutes.activeRules(u),
      targetOf: async () => undefined,
      at: now,
    }),
  });
}
const rollup = rollupOf();

const seedStart = performance.now();
for (let i = 0; i < ACCOUNTS; i++) {
  const findings = syntheticFindings(FINDINGS).map((f) => ({ ...f, resourceId: `a${i}-${f.resourceId}` }));
  await writeSyntheticRun(storage, USER, findings, new Date(Date.UTC(2025, 1, 1, 0, 0, i)), {
    connectionId: 'org',
    accountId: String(100000000000 + i),
  });
}
const first = syntheticFindings(FINDINGS).find((f) => f.status === 'fail');
if (first)
  await mutes.create(USER, { checkId: first.checkId, resourceId: `a0-${first.resourceId}`, reason: 'bench' });
console.log(
  `seeded ${ACCOUNTS} accounts × ${FINDINGS} findings in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

/** Before the roll-up index: every source run's findings read, muted and merged (the old route code). */
async function slow() {
  const stored = await runs.coverage(USER).read();
  const rules = await mutes.activeRules(USER);
  const findingsByRun = new Map<string, Finding[]>();
  const sources = latestRunPerServiceRegion(stored);
  for (const runId of new Set(sources.map((s) => s.runId))) {
    const run = stored.find((r) => r.runId === runId) as StoredRun;
    findingsByRun.set(
      runId,
      applyMutes(
        (await runs.getServiceDocuments(run)).flatMap((d) => d.findings),
        rules,
        now,
      ),
    );
  }
  const dashboard = mergeDashboard(sources, findingsByRun);
  const perAccount = new Map<string, ReturnType<typeof summarizeFindings>>();
  for (const key of new Set(stored.map(accountKeyOf))) {
    const own = sources.filter((s) => accountKeyOf(s) === key);
    perAccount.set(key, summarizeFindings(mergedFindings(own, findingsByRun)));
  }
  return { dashboard, perAccount };
}

async function time(label: string, fn: () => Promise<unknown>, repeat = 3) {
  const samples: number[] = [];
  let gets = 0;
  let heads = 0;
  for (let i = 0; i < repeat; i++) {
    storage.reset();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
    gets = storage.gets.length + storage.lists.length;
    heads = storage.heads.length;
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]?.toFixed(0);
  console.log(`${label}: median ${median} ms, ${gets} storage reads + ${heads} head`);
}

await time('before: dashboard + per-account figures (every run read)', slow);
const backfill = performance.now();
await rollup.dashboard(USER, () => true);
console.log(
  `roll-up index built once from ${ACCOUNTS} runs: ${((performance.now() - backfill) / 1000).toFixed(1)} s`,
);
await time('after, cold: per-account figures (GET /api/dashboard/accounts)', () =>
  rollupOf(new ParsedDocumentCache()).accounts(USER, () => true),
);
await time('after, cold: dashboard (GET /api/dashboard?scope=all)', () =>
  rollupOf(new ParsedDocumentCache()).dashboard(USER, () => true),
);
const parsed = new ParsedDocumentCache();
const warm = rollupOf(parsed);
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
await warm.accounts(USER, () => true);
globalThis.gc?.();
console.log(
  `parsed cache: ${(parsed.sizeBytes / 1024).toFixed(0)} KiB of stored JSON, heap +${((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024).toFixed(0)} MiB${globalThis.gc ? '' : ' (run with --expose-gc for a settled figure)'}`,
);
await time('after, warm: per-account figures (GET /api/dashboard/accounts)', () =>
  warm.accounts(USER, () => true),
);
await time('after, warm: dashboard (GET /api/dashboard?scope=all)', () => warm.dashboard(USER, () => true));
const indexBytes = (await storage.get(`users/${USER}/indexes/advisor-rollup.json`))?.body.length ?? 0;
console.log(`roll-up index document: ${(indexBytes / 1024).toFixed(0)} KiB`);
await rm(dir, { recursive: true, force: true });
