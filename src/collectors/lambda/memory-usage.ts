import {
  CloudWatchLogsClient,
  paginateDescribeLogGroups,
  paginateFilterLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import type { FieldError, LambdaMemoryUsage } from '../../core/records.js';
import { optionalField } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';

const WINDOW_MS = 7 * 24 * 3600 * 1000;
const LOG_GROUP_PREFIX = '/aws/lambda/';

export interface ReportSummary {
  invocationsSeen: number;
  maxMemoryUsedMb?: number;
  memorySizeMb?: number;
  maxDurationMs?: number;
}

function numberAfter(line: string, label: string): number | undefined {
  const match = new RegExp(`${label}:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:MB|ms)`).exec(line);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** Folds Lambda `REPORT` lines into the maxima the advisor needs; other lines are ignored. */
export function summarizeReportLines(lines: Iterable<string>): ReportSummary {
  const summary: ReportSummary = { invocationsSeen: 0 };
  const max = (a: number | undefined, b: number | undefined) =>
    b === undefined ? a : a === undefined ? b : Math.max(a, b);
  for (const line of lines) {
    if (!line.startsWith('REPORT ')) continue;
    summary.invocationsSeen += 1;
    summary.maxMemoryUsedMb = max(summary.maxMemoryUsedMb, numberAfter(line, 'Max Memory Used'));
    summary.memorySizeMb = max(summary.memorySizeMb, numberAfter(line, 'Memory Size'));
    // "Billed Duration" and "Init Duration" must not match: anchor on a tab/space before "Duration".
    const duration = /(?:^|\t|RequestId: \S+\s+)Duration:\s*([0-9.]+)\s*ms/.exec(line)?.[1];
    summary.maxDurationMs = max(summary.maxDurationMs, duration ? Number(duration) : undefined);
  }
  return summary;
}

/**
 * Max memory used per function from its log group's REPORT lines (last 7 days). Log groups are
 * listed once per region (paged), so functions that never logged cost no call at all.
 */
export const lambdaMemoryUsage = defineCollector({
  id: 'lambda.memory-usage',
  async *collect(ctx) {
    const functions = ctx.dependency('lambda.functions');
    if (functions.length === 0) return;
    const client = ctx.client(CloudWatchLogsClient);
    const groups = new Set<string>();
    const listing = paginateDescribeLogGroups({ client }, { logGroupNamePrefix: LOG_GROUP_PREFIX });
    for await (const page of listing) {
      for (const g of page.logGroups ?? []) if (g.logGroupName) groups.add(g.logGroupName);
    }
    const endTime = ctx.now.getTime();
    const startTime = endTime - WINDOW_MS;

    const pending = functions.map(async (fn): Promise<LambdaMemoryUsage> => {
      const logGroupName = `${LOG_GROUP_PREFIX}${fn.functionName}`;
      if (!groups.has(logGroupName))
        return { region: ctx.region, functionName: fn.functionName, invocationsSeen: 0 };
      const fieldErrors: Record<string, FieldError> = {};
      const summary = await optionalField(ctx, fieldErrors, {
        field: 'invocationsSeen',
        operation: 'FilterLogEvents',
        call: async () => {
          const lines: string[] = [];
          const pages = paginateFilterLogEvents(
            { client },
            { logGroupName, filterPattern: 'REPORT', startTime, endTime },
          );
          for await (const page of pages)
            for (const e of page.events ?? []) if (e.message) lines.push(e.message);
          return summarizeReportLines(lines);
        },
      });
      if (!summary) {
        // Unknown, not "never invoked": the checks must see the failure on the fields they read.
        const failure = fieldErrors.invocationsSeen;
        if (failure) fieldErrors.maxMemoryUsedMb = failure;
        return { region: ctx.region, functionName: fn.functionName, invocationsSeen: 0, fieldErrors };
      }
      return { region: ctx.region, functionName: fn.functionName, ...summary };
    });
    for (const record of pending) yield await record;
  },
});
