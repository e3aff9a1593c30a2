import { setTimeout as sleep } from 'node:timers/promises';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { parse } from 'csv-parse/sync';
import type { IamCredentialReportRow } from '../../core/records.js';
import { isAbortError } from '../errors.js';
import { type CollectorContext, defineCollector } from '../types.js';
import { rowsFromUserCalls } from './credential-report-fallback.js';

/** AWS builds the report asynchronously; it is usually ready within seconds. */
const POLL_INTERVAL_MS = 1_000;
const MAX_POLLS = 60;

/** Credential-report cells that mean "no value". */
const NO_VALUE = new Set(['N/A', 'no_information', 'not_supported', '']);

function date(value: string | undefined): string | undefined {
  if (value === undefined || NO_VALUE.has(value)) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

const flag = (value: string | undefined): boolean => value === 'true';

/** Parses the credential report CSV (header row + one row per user, the root account included on AWS). */
export function parseCredentialReport(csv: string): IamCredentialReportRow[] {
  const rows: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, trim: true });
  return rows.map((r) => {
    const row: IamCredentialReportRow = {
      region: 'global',
      user: r.user ?? '',
      arn: r.arn ?? '',
      passwordEnabled: flag(r.password_enabled),
      mfaActive: flag(r.mfa_active),
      accessKey1Active: flag(r.access_key_1_active),
      accessKey2Active: flag(r.access_key_2_active),
    };
    const dates = {
      userCreationTime: date(r.user_creation_time),
      passwordLastUsed: date(r.password_last_used),
      passwordLastChanged: date(r.password_last_changed),
      accessKey1LastRotated: date(r.access_key_1_last_rotated),
      accessKey1LastUsedDate: date(r.access_key_1_last_used_date),
      accessKey2LastRotated: date(r.access_key_2_last_rotated),
      accessKey2LastUsedDate: date(r.access_key_2_last_used_date),
    };
    for (const [key, value] of Object.entries(dates))
      if (value !== undefined) Object.assign(row, { [key]: value });
    return row;
  });
}

async function fetchReportCsv(ctx: CollectorContext): Promise<string> {
  const client = ctx.client(IAMClient);
  const opts = { abortSignal: ctx.signal };
  for (let poll = 0; ; poll++) {
    const { State } = await client.send(new GenerateCredentialReportCommand({}), opts);
    if (State === 'COMPLETE') break;
    if (poll + 1 >= MAX_POLLS)
      throw new Error(`The IAM credential report was not ready after ${MAX_POLLS} polls`);
    await sleep(POLL_INTERVAL_MS, undefined, { signal: ctx.signal });
  }
  const report = await client.send(new GetCredentialReportCommand({}), opts);
  return new TextDecoder().decode(report.Content ?? new Uint8Array());
}

export const iamCredentialReport = defineCollector({
  id: 'iam.credential-report',
  async *collect(ctx) {
    let csv: string;
    try {
      csv = await fetchReportCsv(ctx);
    } catch (error) {
      if (ctx.signal.aborted || isAbortError(error)) throw error;
      // Recorded among the collection's errors; every fallback row carries it for the report-only fields.
      yield* rowsFromUserCalls(ctx, ctx.fieldError(error, 'GenerateCredentialReport'));
      return;
    }
    yield* parseCredentialReport(csv);
  },
});
