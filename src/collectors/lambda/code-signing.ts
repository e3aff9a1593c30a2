/**
 * Which code-signing config each function uses. ListFunctions does not say, so the account-wide
 * listing (ListCodeSigningConfigs + ListFunctionsByCodeSigningConfig, calls growing with configs,
 * not functions) is tried first; when it is unavailable (denied, or the emulator, which lacks it)
 * the per-function GetFunctionCodeSigningConfig answers instead.
 */
import {
  GetFunctionCodeSigningConfigCommand,
  LambdaClient,
  paginateListCodeSigningConfigs,
  paginateListFunctionsByCodeSigningConfig,
} from '@aws-sdk/client-lambda';
import type { CollectorContext } from '../types.js';

/** Function ARN → code-signing config ARN, for every function that has one; undefined when unavailable. */
export async function listCodeSigningAssignments(
  ctx: CollectorContext,
): Promise<Map<string, string> | undefined> {
  const client = ctx.client(LambdaClient);
  try {
    const configArns: string[] = [];
    for await (const page of paginateListCodeSigningConfigs({ client }, {})) {
      for (const c of page.CodeSigningConfigs ?? [])
        if (c.CodeSigningConfigArn) configArns.push(c.CodeSigningConfigArn);
    }
    const byFunction = new Map<string, string>();
    for (const configArn of configArns) {
      const pages = paginateListFunctionsByCodeSigningConfig({ client }, { CodeSigningConfigArn: configArn });
      for await (const page of pages) {
        for (const fn of page.FunctionArns ?? []) byFunction.set(unqualified(fn), configArn);
      }
    }
    return byFunction;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return undefined;
  }
}

/** `arn:…:function:name:alias` → `arn:…:function:name` (the form ListFunctions returns). */
function unqualified(functionArn: string): string {
  const parts = functionArn.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : functionArn;
}

export async function getCodeSigningConfigArn(
  ctx: CollectorContext,
  functionName: string,
): Promise<string | null> {
  const answer = await ctx
    .client(LambdaClient)
    .send(new GetFunctionCodeSigningConfigCommand({ FunctionName: functionName }), {
      abortSignal: ctx.signal,
    });
  return answer.CodeSigningConfigArn || null;
}
