import {
  type FunctionConfiguration,
  GetPolicyCommand,
  LambdaClient,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import type { FieldError, LambdaFunction } from '../../core/records.js';
import { parsePolicyDocument } from '../iam/policy-document.js';
import { optionalField } from '../lib/optional-field.js';
import { defineCollector } from '../types.js';
import { getCodeSigningConfigArn, listCodeSigningAssignments } from './code-signing.js';

/**
 * The fields of ListFunctions' answer the console keeps. Written out one by one, never spread:
 * the configuration carries environment variable VALUES (often secrets), of which only the names
 * may leave this function.
 */
export function lambdaFunctionFromConfiguration(fn: FunctionConfiguration, region: string): LambdaFunction {
  return {
    region,
    functionName: fn.FunctionName ?? '',
    arn: fn.FunctionArn ?? '',
    ...(fn.Runtime ? { runtime: fn.Runtime } : {}),
    packageType: fn.PackageType === 'Image' ? 'Image' : 'Zip',
    memoryMb: fn.MemorySize ?? 128,
    timeoutSeconds: fn.Timeout ?? 3,
    architectures: fn.Architectures?.length ? [...fn.Architectures] : ['x86_64'],
    role: fn.Role ?? '',
    ...(fn.Handler ? { handler: fn.Handler } : {}),
    ...(fn.LastModified ? { lastModified: fn.LastModified } : {}),
    ...(fn.CodeSize !== undefined ? { codeSizeBytes: fn.CodeSize } : {}),
    layers: (fn.Layers ?? []).flatMap((l) => (l.Arn ? [l.Arn] : [])),
    ...(fn.DeadLetterConfig?.TargetArn ? { deadLetterTargetArn: fn.DeadLetterConfig.TargetArn } : {}),
    environmentVariableNames: Object.keys(fn.Environment?.Variables ?? {}).sort(),
  };
}

export const lambdaFunctions = defineCollector({
  id: 'lambda.functions',
  async *collect(ctx) {
    const client = ctx.client(LambdaClient);
    const configurations: FunctionConfiguration[] = [];
    for await (const page of paginateListFunctions({ client }, {})) {
      configurations.push(...(page.Functions ?? []));
    }
    if (configurations.length === 0) return;
    const codeSigning = await listCodeSigningAssignments(ctx);

    const pending = configurations.map(async (configuration): Promise<LambdaFunction> => {
      const record = lambdaFunctionFromConfiguration(configuration, ctx.region);
      const fieldErrors: Record<string, FieldError> = {};
      const [resourcePolicy, codeSigningConfigArn] = await Promise.all([
        optionalField(ctx, fieldErrors, {
          field: 'resourcePolicy',
          operation: 'GetPolicy',
          call: async () => {
            const answer = await client.send(new GetPolicyCommand({ FunctionName: record.functionName }), {
              abortSignal: ctx.signal,
            });
            return answer.Policy ? parsePolicyDocument(answer.Policy) : null;
          },
          notConfigured: ['ResourceNotFoundException'],
          empty: null,
        }),
        codeSigning
          ? Promise.resolve(codeSigning.get(record.arn) ?? null)
          : optionalField(ctx, fieldErrors, {
              field: 'codeSigningConfigArn',
              operation: 'GetFunctionCodeSigningConfig',
              call: () => getCodeSigningConfigArn(ctx, record.functionName),
            }),
      ]);
      return {
        ...record,
        resourcePolicy,
        codeSigningConfigArn,
        ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      };
    });
    for (const record of pending) yield await record;
  },
});
