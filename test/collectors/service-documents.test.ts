/**
 * The runner hands each service's document on as soon as that service's last unit settles (the job
 * layer writes it create-only), so it never holds a whole large collection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRunCollection } from '../../src/collectors/runner.js';
import { type Collector, defineCollector } from '../../src/collectors/types.js';
import type { ServiceDocumentDraft } from '../../src/core/collection-run.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

function collectorsWith(iamGate: Promise<void>): Collector[] {
  const encryption = defineCollector({
    id: 'ec2.ebs-encryption-default',
    async *collect(ctx) {
      yield { region: ctx.region, enabled: true };
    },
  });
  const summary = defineCollector({
    id: 'iam.account-summary',
    async *collect() {
      await iamGate;
      yield { region: 'global', summary: { Users: 3 } };
    },
  });
  return [encryption, summary] as Collector[];
}

describe('runner: service documents handed on as they complete', () => {
  beforeAll(async () => {
    await resetMoto();
  });
  const base = {
    credentials: testCredentials,
    accountId: '123456789012',
    endpoint: motoEndpoint(),
    request: { services: ['ec2', 'iam'] as const, regions: ['us-east-1', 'eu-west-1'] },
  };

  it('hands on each finished service while others still run, and returns none of them', async () => {
    const iam = gate();
    const handed: ServiceDocumentDraft[] = [];
    const run = createRunCollection({ collectors: collectorsWith(iam.wait) })({
      ...base,
      request: { ...base.request, services: [...base.request.services] },
      onServiceDocument: async (document) => {
        handed.push(document);
        // EC2 is complete while IAM still waits: only then let IAM finish.
        if (document.service === 'ec2') iam.open();
      },
    });
    const result = await run;
    expect(handed.map((d) => d.service)).toEqual(['ec2', 'iam']);
    expect(handed[0]?.data['ec2.ebs-encryption-default']?.map((r) => r.region).sort()).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
    expect(handed[1]?.data['iam.account-summary']).toEqual([{ region: 'global', summary: { Users: 3 } }]);
    expect(result.documents).toEqual([]);
    expect(result.outcome.resourceCounts).toEqual({
      'ec2.ebs-encryption-default': 2,
      'iam.account-summary': 1,
    });
  });

  it('returns every document when nobody takes them on the way', async () => {
    const result = await createRunCollection({ collectors: collectorsWith(Promise.resolve()) })({
      ...base,
      request: { ...base.request, services: [...base.request.services] },
    });
    expect(result.documents.map((d) => d.service).sort()).toEqual(['ec2', 'iam']);
  });

  it('fails the collection when a document cannot be handed on (e.g. storage refused it)', async () => {
    const run = createRunCollection({ collectors: collectorsWith(Promise.resolve()) })({
      ...base,
      request: { ...base.request, services: [...base.request.services] },
      onServiceDocument: async (document) => {
        if (document.service === 'iam') throw new Error('storage refused iam.json');
      },
    });
    await expect(run).rejects.toThrow('storage refused iam.json');
  });
});
