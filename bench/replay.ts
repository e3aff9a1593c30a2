/**
 * The emulator floor for a call set: replays requests recorded by test/support/moto_profile.py
 * (AGAIN_MOTO_RECORD) as raw HTTP, in recorded order, `concurrency` at a time, with no SDK, no
 * parsing and no runner. Whatever this takes is what the emulator itself needs to answer that
 * exact call set on this machine, so no collector issuing those calls can finish faster.
 */
import { readFileSync } from 'node:fs';
import pLimit from 'p-limit';

interface RecordedRequest {
  m: string;
  u: string;
  h: Record<string, string>;
  b: string;
}

export interface ReplayResult {
  requests: number;
  wallMs: number;
  /** Responses by HTTP status class (2xx, 3xx, 4xx, 5xx), to show the replay was answered as before. */
  statuses: Record<string, number>;
}

// Sent by the replaying client itself, or meaningless for a replay.
const SKIPPED = new Set(['expect', 'transfer-encoding', 'content-length', 'host', 'connection']);

export async function replayRecorded(
  endpoint: string,
  file: string,
  concurrency: number,
): Promise<ReplayResult> {
  const requests = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedRequest);
  const limit = pLimit(concurrency);
  const statuses: Record<string, number> = {};
  const started = performance.now();
  await Promise.all(
    requests.map((r) =>
      limit(async () => {
        const headers = Object.fromEntries(Object.entries(r.h).filter(([k]) => !SKIPPED.has(k)));
        const body = r.b ? Buffer.from(r.b, 'base64') : undefined;
        const response = await fetch(`${endpoint}${r.u}`, { method: r.m, headers, body });
        await response.arrayBuffer();
        const status = `${Math.floor(response.status / 100)}xx`;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }),
    ),
  );
  return { requests: requests.length, wallMs: performance.now() - started, statuses };
}
