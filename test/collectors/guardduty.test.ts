import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { beforeAll, describe, expect, it } from 'vitest';
import { guardDutyDetectors } from '../../src/collectors/guardduty/detectors.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness } from './harness.js';

describe('guardduty collectors', () => {
  let detectorId = '';
  beforeAll(async () => {
    await resetMoto();
    const east = new GuardDutyClient(motoClientConfig('us-east-1'));
    detectorId = (await east.send(new CreateDetectorCommand({ Enable: true }))).DetectorId ?? '';
  });

  it('lists detectors per region with their status (one ListDetectors page, one GetDetector per detector)', async () => {
    const harness = createHarness();
    const east = await harness.run(guardDutyDetectors, 'us-east-1');
    const west = await harness.run(guardDutyDetectors, 'eu-west-1');
    expect(east).toEqual([expect.objectContaining({ region: 'us-east-1', detectorId, status: 'ENABLED' })]);
    expect(west).toEqual([]);
    expect(harness.calls.get('ListDetectors')).toBe(2);
    expect(harness.calls.get('GetDetector')).toBe(1);
  });

  it('keeps the detector with a field error when GetDetector is denied', async () => {
    const harness = createHarness({ deny: ['GetDetector'] });
    const [detector] = await harness.run(guardDutyDetectors, 'us-east-1');
    expect(detector?.status).toBeUndefined();
    expect(detector?.fieldErrors?.status).toMatchObject({ operation: 'GetDetector', code: 'AccessDenied' });
  });
});
