import { describe, expect, it } from 'vitest';
import { detailPath, displayName, formatDay, formatDuration, resourceIdOf, tagsOf } from './format';

describe('resources page helpers', () => {
  it('formats durations per language with Intl units', () => {
    expect(formatDuration('en-US', 125_000)).toBe('2 min 5 sec');
    expect(formatDuration('ko-KR', 125_000)).toBe('2분 5초');
    expect(formatDuration('en-US', 3_600_000)).toBe('1 hr');
    expect(formatDuration('en-US', 450)).toBe('0.5 sec');
    expect(formatDuration('en-US', undefined)).toBeUndefined();
    expect(formatDuration('en-US', -1)).toBeUndefined();
  });

  it('labels chart days in the given language', () => {
    expect(formatDay('en-US', '2024-03-05T12:00:00Z')).toBe('Mar 5');
    expect(formatDay('ko-KR', '2024-03-05T12:00:00Z')).toBe('3월 5일');
    expect(formatDay('en-US', 'not a date')).toBe('not a date');
  });

  it('finds the resource id the API understands, falling back like the server', () => {
    expect(resourceIdOf('ec2.instances', { instanceId: 'i-1' })).toBe('i-1');
    expect(resourceIdOf('ec2.addresses', { allocationId: '', publicIp: '1.2.3.4' })).toBe('1.2.3.4');
    expect(resourceIdOf('ec2.instances', { instanceId: 42 })).toBeUndefined();
  });

  it('links to the detail view with the region, except for global records', () => {
    expect(detailPath('c/1', 'ec2.instances', { instanceId: 'i-1', region: 'us-east-1' })).toBe(
      '/resources/collections/c%2F1/r/ec2.instances/i-1?region=us-east-1',
    );
    expect(detailPath('c1', 'iam.policies', { arn: 'arn:aws:iam::1:policy/a b', region: 'global' })).toBe(
      '/resources/collections/c1/r/iam.policies/arn%3Aaws%3Aiam%3A%3A1%3Apolicy%2Fa%20b',
    );
    expect(detailPath('c1', 'ec2.instances', { region: 'us-east-1' })).toBeUndefined();
  });

  it('reads tags defensively and names a resource by its Name tag when it differs from the id', () => {
    const row = { instanceId: 'i-1', tags: [{ key: 'Name', value: 'web' }, { key: 1 }, null, 'x'] };
    expect(tagsOf(row)).toEqual([{ key: 'Name', value: 'web' }]);
    expect(displayName('ec2.instances', row)).toBe('web');
    expect(displayName('s3.buckets', { name: 'b1' })).toBeUndefined();
  });
});
