import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../core/services.js';
import { COLLECTOR_IDS } from './api/collections.js';
import { INVENTORY_COLLECTORS, resourcesByService, resourceTotal } from './inventory.js';

describe('resource inventory counting', () => {
  it('names only real collectors, each under its own service, and every service has one', () => {
    for (const [collector, service] of Object.entries(INVENTORY_COLLECTORS)) {
      expect(COLLECTOR_IDS as readonly string[]).toContain(collector);
      expect(collector.startsWith(`${service}.`)).toBe(true);
    }
    for (const service of SERVICE_IDS) expect(Object.values(INVENTORY_COLLECTORS)).toContain(service);
  });

  it('counts resources, not metrics, report rows or account settings', () => {
    const counts = {
      'ec2.instances': 3,
      'ec2.instance-metrics': 3,
      'ec2.ebs-encryption-default': 2,
      'iam.users': 4,
      'iam.credential-report': 5,
      'iam.password-policy': 1,
    };
    expect(resourcesByService(counts)).toEqual({ ec2: 3, iam: 4 });
    expect(resourceTotal(counts)).toBe(7);
  });
});
