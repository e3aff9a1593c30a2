import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredRun } from '../../src/advisor/store.js';
import { allChecks } from '../../src/checks/registry.js';
import { SecretBox } from '../../src/connections/secrets.js';
import type { Finding } from '../../src/core/findings.js';
import type { Lang, Severity } from '../../src/core/services.js';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import { deliveryRetry } from '../../src/notify/deliveries.js';
import { createNotifyService, type NotifyService } from '../../src/notify/service.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { LocalStorage } from '../../src/storage/local.js';

export const SECRET_KEY = 'test-secret-key-0123456789abcdef';

export function finding(
  checkId: string,
  severity: Severity,
  resourceId: string,
  extra: Partial<Finding> = {},
): Finding {
  return {
    checkId,
    service: 'ec2',
    category: 'security',
    severity,
    status: 'fail',
    region: 'ap-northeast-2',
    resourceId,
    message: { ko: `${resourceId} 점검 실패`, en: `${resourceId} failed the check` },
    ...extra,
  };
}

export function storedRun(runId: string, extra: Partial<StoredRun> = {}): StoredRun {
  return {
    runId,
    username: 'alice',
    status: 'completed',
    requestedAt: runId.replace(/T(\d{2})-(\d{2})-/, 'T$1:$2:'),
    services: ['ec2'],
    regions: ['ap-northeast-2'],
    connectionId: 'conn-1',
    connectionName: 'prod',
    accountId: '123456789012',
    collectionId: `col-${runId}`,
    reusedCollection: false,
    ...extra,
  };
}

export interface NotifyHarness {
  service: NotifyService;
  documents: DocumentStore;
  dataDir: string;
  runs: StoredRun[];
  findings: Map<string, Finding[]>;
  collectionStatus: Map<string, string>;
  lang: { value: Lang };
  logs: string[];
  /** Stops the delivery queue (aborting its sends) and keeps the data: a process that stops. */
  stopQueue(): Promise<void>;
  close(): Promise<void>;
}

/** A notification service over temp local storage, with the advisor side stubbed by plain data. */
export async function createNotifyHarness(
  options: {
    timeoutMs?: number;
    retryDelayMs?: number;
    now?: () => Date;
    /** Another harness's data directory: a second process over the same storage. */
    dataDir?: string;
    /** NOTIFY_ALLOW_LOCAL_HTTP (default true: the receivers here are local). */
    allowLocalReceivers?: boolean;
    resolveHost?: (host: string) => Promise<string[]>;
  } = {},
): Promise<NotifyHarness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'again-notify-')));
  const documents = new DocumentStore(new LocalStorage(dataDir));
  const retryDelayMs = options.retryDelayMs ?? 50;
  const queue = createInProcessQueue({ concurrency: 4, retry: deliveryRetry(retryDelayMs) });
  const runs: StoredRun[] = [];
  const findings = new Map<string, Finding[]>();
  const collectionStatus = new Map<string, string>();
  const lang = { value: 'en' as Lang };
  const logs: string[] = [];
  const service = createNotifyService({
    documents,
    box: new SecretBox(SECRET_KEY),
    queue,
    now: options.now ?? (() => new Date()),
    runs: { list: async () => [...runs].sort((a, b) => b.runId.localeCompare(a.runId)) },
    findingsOf: async (run) => findings.get(run.runId) ?? [],
    collectionStatus: async (_u, id) => collectionStatus.get(id) ?? 'completed',
    connectionExists: async (_u, id) => id === 'conn-1',
    checkIds: () => new Set(allChecks.map((c) => c.id)),
    lang: async () => lang.value,
    publicUrl: 'https://console.example.com/',
    timeoutMs: options.timeoutMs ?? 2_000,
    allowLocalReceivers: options.allowLocalReceivers ?? true,
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
    retryDelayMs,
    log: (level, message, fields) => logs.push(JSON.stringify({ level, message, ...fields })),
  });
  return {
    service,
    documents,
    dataDir,
    runs,
    findings,
    collectionStatus,
    lang,
    logs,
    stopQueue: () => queue.close(),
    async close() {
      await queue.close();
      // A second process over another harness's data leaves it to that harness.
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
