import { describe, expect, it } from 'vitest';
import type { RecordKinds } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-ami-not-public.js';

const image = (id: string, extra: Partial<RecordKinds['ec2.images']>): RecordKinds['ec2.images'] => ({
  region: 'us-east-1',
  imageId: id,
  arn: `arn:aws:ec2:us-east-1::image/${id}`,
  snapshotIds: [],
  tags: [],
  ...extra,
});

describe('ec2-ami-not-public', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.images': [
        image('ami-private', { public: false }),
        image('ami-public', { public: true, name: 'golden' }),
        image('ami-unknown', {}),
      ],
    }),
  );

  it('passes a private AMI and fails a public one', () => {
    expect(findingFor(findings, 'ami-private').status).toBe('pass');
    const open = findingFor(findings, 'ami-public');
    expect(open.status).toBe('fail');
    expect(open.resourceName).toBe('golden');
  });

  it('is unknown when the Public flag was not returned', () => {
    expect(findingFor(findings, 'ami-unknown').status).toBe('unknown');
  });
});
