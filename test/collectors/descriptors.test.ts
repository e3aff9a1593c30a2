import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isReadOnlyAction } from '../../src/aws/iam-policy.js';
import { collectorSources, collectors } from '../../src/collectors/registry.js';
import { COLLECTOR_IDS, COLLECTORS, SERVICE_IDS } from '../../src/core/catalog.js';
import { LANGS } from '../../src/core/services.js';

const descriptorFiles = readdirSync(new URL('../../src/core/descriptors/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

describe('collector descriptors', () => {
  it('every collector has a descriptor and every descriptor a collector', () => {
    expect(collectors.map((c) => c.id).sort()).toEqual([...COLLECTOR_IDS].sort());
  });

  it('ids are unique and match file names: src/collectors/<service>/<kind>.ts, src/core/descriptors/<service>.ts', () => {
    expect(new Set(COLLECTOR_IDS).size).toBe(COLLECTOR_IDS.length);
    expect(new Set(SERVICE_IDS).size).toBe(SERVICE_IDS.length);
    expect([...SERVICE_IDS].sort()).toEqual(descriptorFiles);
    for (const c of COLLECTORS) {
      expect(c.id, c.id).toMatch(/^[a-z0-9]+\.[a-z0-9-]+$/);
      expect(c.id.startsWith(`${c.service}.`), c.id).toBe(true);
      expect(collectorSources.get(c.id), c.id).toBe(c.id.replace('.', '/'));
    }
  });

  it('every service has a countable resource, and collectors take scope and actions from descriptors', () => {
    for (const service of SERVICE_IDS) {
      expect(
        COLLECTORS.some((c) => c.service === service && c.inventory),
        service,
      ).toBe(true);
    }
    for (const collector of collectors) {
      const descriptor = COLLECTORS.find((c) => c.id === collector.id);
      expect(collector.scope).toBe(descriptor?.scope);
      expect(collector.iamActions).toEqual(descriptor?.iamActions);
      expect(collector.dependsOn ?? []).toEqual(descriptor?.dependsOn);
    }
  });

  it('named fields exist in the record schema; dependencies and metrics name real collectors', () => {
    for (const c of COLLECTORS) {
      const fields = Object.keys(c.record.shape);
      const { idFields, arnField, nameField } = c.resource;
      for (const field of [...idFields, arnField, nameField].filter((f) => f !== undefined)) {
        expect(fields, `${c.id}: ${field}`).toContain(field);
      }
      for (const column of c.columns ?? []) {
        const named =
          'fields' in column
            ? [...column.fields, ...('sort' in column ? [column.sort] : [])]
            : [column.field];
        for (const field of named) expect(fields, `${c.id} column ${field}`).toContain(field);
      }
      for (const dep of c.dependsOn) expect(COLLECTOR_IDS, `${c.id} depends on ${dep}`).toContain(dep);
      if (c.metrics) {
        expect(COLLECTOR_IDS, `${c.id} metrics`).toContain(c.metrics);
        expect(c.metrics.startsWith(`${c.service}.`), `${c.id} metrics`).toBe(true);
      }
    }
  });

  it('labels are written in both languages, and column headers of a kind are distinct', () => {
    for (const c of COLLECTORS) {
      for (const lang of LANGS) {
        expect(c.label[lang].trim(), `${c.id} ${lang}`).not.toBe('');
        const headers = (c.columns ?? []).map((column) => column.label[lang]);
        for (const header of headers) expect(header.trim(), `${c.id} ${lang}`).not.toBe('');
        expect(new Set(headers).size, `${c.id} ${lang} headers`).toBe(headers.length);
      }
    }
  });

  it('declares at least one IAM action, all read-only', () => {
    for (const c of COLLECTORS) {
      expect(c.iamActions.length, c.id).toBeGreaterThan(0);
      for (const action of c.iamActions) expect(isReadOnlyAction(action), `${c.id}: ${action}`).toBe(true);
    }
  });
});
