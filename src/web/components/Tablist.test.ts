import { describe, expect, it } from 'vitest';
import { nextTab } from './Tablist';

describe('nextTab (the arrow keys of a tab list)', () => {
  const tabs = ['ec2', 's3', 'iam'] as const;

  it('moves right and left, wrapping round at both ends', () => {
    expect(nextTab(tabs, 'ec2', 'ArrowRight')).toBe('s3');
    expect(nextTab(tabs, 'iam', 'ArrowRight')).toBe('ec2');
    expect(nextTab(tabs, 's3', 'ArrowLeft')).toBe('ec2');
    expect(nextTab(tabs, 'ec2', 'ArrowLeft')).toBe('iam');
  });

  it('Home and End jump to the first and last tab; other keys do nothing', () => {
    expect(nextTab(tabs, 's3', 'Home')).toBe('ec2');
    expect(nextTab(tabs, 's3', 'End')).toBe('iam');
    expect(nextTab(tabs, 's3', 'Enter')).toBeNull();
    expect(nextTab(tabs, 's3', 'ArrowDown')).toBeNull();
    expect(nextTab(['only'], 'only', 'ArrowRight')).toBe('only');
  });
});
