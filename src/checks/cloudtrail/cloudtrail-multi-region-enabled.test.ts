import { describe, expect, it } from 'vitest';
import type { RecordKinds } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { trail } from '../testing-guardrails.js';
import check from './cloudtrail-multi-region-enabled.js';

const ACCOUNT = '123456789012';
const run = (trails: RecordKinds['cloudtrail.trails'][], regions = ['us-east-1']) =>
  evaluate(check, fixtureSnapshot({ 'cloudtrail.trails': trails }, { regions }));

describe('cloudtrail-multi-region-enabled', () => {
  it('passes with one logging multi-region trail recording all management events', () => {
    const findings = run([trail('local', { isMultiRegionTrail: false }), trail('main')]);
    expect(findings).toHaveLength(1);
    expect(findingFor(findings, ACCOUNT)).toMatchObject({ status: 'pass', region: 'global' });
    expect(findingFor(findings, ACCOUNT).message.en).toContain('main');
  });

  it('accepts advanced selectors on Management events without a readOnly filter', () => {
    const advanced = (readOnly: boolean) =>
      trail('adv', {
        eventSelectors: [],
        advancedEventSelectors: [
          {
            fieldSelectors: [
              { field: 'eventCategory', equals: ['Management'] },
              ...(readOnly ? [{ field: 'readOnly', equals: ['false'] }] : []),
            ],
          },
        ],
      });
    expect(findingFor(run([advanced(false)]), ACCOUNT).status).toBe('pass');
    expect(findingFor(run([advanced(true)]), ACCOUNT).status).toBe('fail');
  });

  it('fails when no trail qualifies: single-region, stopped, write-only or no management events', () => {
    const findings = run([
      trail('single', { isMultiRegionTrail: false }),
      trail('stopped', { isLogging: false }),
      trail('write-only', {
        eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true }],
      }),
      trail('data-only', { eventSelectors: [{ readWriteType: 'All', includeManagementEvents: false }] }),
      trail('no-selectors', { eventSelectors: [] }),
    ]);
    expect(findingFor(findings, ACCOUNT).status).toBe('fail');
    expect(findingFor(run([]), ACCOUNT).status).toBe('fail');
  });

  it('is unknown when the status or selectors of a multi-region trail were not collected', () => {
    const denied = trail('main', {
      isLogging: undefined,
      fieldErrors: { isLogging: { operation: 'GetTrailStatus', code: 'AccessDenied', message: 'no' } },
    });
    const finding = findingFor(run([denied]), ACCOUNT);
    expect(finding.status).toBe('unknown');
    expect(finding.message.en).toContain('main');
  });

  it('is unknown, not fail, when trails could not be listed in some region', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        { 'cloudtrail.trails': [trail('local', { isMultiRegionTrail: false })] },
        {
          regions: ['us-east-1', 'eu-west-1'],
          failed: [{ collector: 'cloudtrail.trails', region: 'eu-west-1' }],
        },
      ),
    );
    expect(findingFor(findings, ACCOUNT).status).toBe('unknown');
    expect(findingFor(findings, 'cloudtrail.trails@eu-west-1').status).toBe('unknown');
  });
});
