import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCollectArgs, parseScanArgs } from '../../src/cli/args.js';
import { createProgressReporter } from '../../src/cli/progress.js';
import { SERVICE_IDS } from '../../src/core/services.js';

function stream(isTTY: boolean) {
  const s = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  let text = '';
  s.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { s, text: () => text };
}

const event = (
  collector: 'ec2.instances' | 's3.buckets',
  state: 'running' | 'done' | 'error',
  count?: number,
) => ({
  service: collector.startsWith('ec2') ? ('ec2' as const) : ('s3' as const),
  collector,
  region: 'us-east-1',
  state,
  ...(count === undefined ? {} : { count }),
});

describe('command line progress', () => {
  it('prints one plain line per finished collector × region when stderr is not a terminal', () => {
    const out = stream(false);
    const reporter = createProgressReporter(out.s);
    reporter.onProgress(event('ec2.instances', 'running'));
    reporter.onProgress(event('s3.buckets', 'running'));
    reporter.onProgress(event('ec2.instances', 'done', 4));
    reporter.stop();
    expect(out.text()).toBe('[1/2] ec2.instances us-east-1 done (4)\n');
  });

  it('draws a bar with finished/total when stderr is a terminal', () => {
    const out = stream(true);
    const reporter = createProgressReporter(out.s);
    reporter.onProgress(event('ec2.instances', 'running'));
    reporter.onProgress(event('s3.buckets', 'done', 1));
    reporter.onProgress(event('ec2.instances', 'done', 2));
    reporter.stop();
    expect(out.text()).toMatch(/2\/2 ec2\.instances us-east-1 done/);
  });

  it('is silent with --no-progress', () => {
    const out = stream(false);
    const reporter = createProgressReporter(out.s, true);
    reporter.onProgress(event('ec2.instances', 'done', 1));
    expect(out.text()).toBe('');
  });
});

describe('command line arguments', () => {
  it('accepts comma lists and repeated values, defaulting to every service and AWS_REGION', () => {
    expect(
      parseCollectArgs({ services: ['ec2,s3', 'iam'], regions: ['us-east-1,eu-west-1'] }, {}),
    ).toMatchObject({
      services: ['ec2', 's3', 'iam'],
      regions: ['us-east-1', 'eu-west-1'],
    });
    expect(parseCollectArgs({}, { AWS_REGION: 'ap-northeast-2' })).toMatchObject({
      // Every service the descriptors declare (src/core/catalog.ts), in their display order.
      services: [...SERVICE_IDS],
      regions: ['ap-northeast-2'],
    });
    expect(parseCollectArgs({ allRegions: true }, {}).regions).toBe('all-enabled');
    expect(parseScanArgs({ format: 'csv', lang: 'ko' }, {})).toMatchObject({ format: 'csv', lang: 'ko' });
  });

  it('refuses contradictions and malformed values with exit status 2', () => {
    const cases = [
      { externalId: 'x' },
      { roleArn: 'arn:aws:iam::12:role/x' },
      { regions: ['us-east-1'], allRegions: true },
      { services: ['ec2,,bogus'] },
    ];
    for (const raw of cases)
      expect(() => parseCollectArgs(raw, {})).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => parseScanArgs({ format: 'xml' }, {})).toThrow(/--format/);
  });
});
