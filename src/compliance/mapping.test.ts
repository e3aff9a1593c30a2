import { describe, expect, it } from 'vitest';
import { allChecks } from '../checks/registry.js';
import { COMPLIANCE_FRAMEWORK_IDS } from '../core/compliance.js';
import { FRAMEWORKS } from './frameworks/index.js';
import { PENDING_CHECK_MAPPINGS } from './pending.js';
import { mappingProblems } from './validate.js';

describe('compliance catalogues', () => {
  it.each(COMPLIANCE_FRAMEWORK_IDS)('%s: unique ids, known sections, titles in both languages', (id) => {
    const framework = FRAMEWORKS[id];
    expect(framework.id).toBe(id);
    const ids = framework.controls.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const control of framework.controls) {
      expect(Object.keys(framework.sections), control.id).toContain(control.section);
      expect(control.title.en.trim().length, control.id).toBeGreaterThan(0);
      expect(control.title.ko.trim().length, control.id).toBeGreaterThan(0);
      expect(control.title.ko, control.id).toMatch(/[가-힣]/);
    }
  });

  it('lists every CIS v5.0.0 recommendation and every ISMS-P 2023 section-2 control', () => {
    expect(FRAMEWORKS.cis.controls).toHaveLength(63);
    expect(FRAMEWORKS.ismsp.controls).toHaveLength(64);
    expect(FRAMEWORKS.ismsp.controls.every((c) => c.id.startsWith('2.'))).toBe(true);
  });
});

describe('check mappings', () => {
  it('every check maps to known controls, or says why none applies', () => {
    expect(allChecks.flatMap((check) => mappingProblems(check.id, check.compliance))).toEqual([]);
  });

  it('security checks map to at least one control', () => {
    const unmapped = allChecks.filter(
      (c) => c.category === 'security' && c.compliance?.noneReason !== undefined,
    );
    expect(unmapped.map((c) => c.id)).toEqual([]);
  });

  it('pending part-2 mappings use known controls and name checks that have not landed yet', () => {
    const landed = new Set(allChecks.map((c) => c.id));
    for (const [id, mapping] of Object.entries(PENDING_CHECK_MAPPINGS)) {
      expect(mappingProblems(id, mapping), id).toEqual([]);
      expect(landed.has(id), `${id} landed: move its mapping into the check`).toBe(false);
    }
  });

  it('rejects unknown ids, empty mappings and reasons beside ids', () => {
    expect(mappingProblems('x', undefined)).toEqual(['x: no compliance mapping']);
    expect(mappingProblems('x', {})).toEqual(['x: maps to no control and gives no reason']);
    expect(mappingProblems('x', { noneReason: '  ' })).toEqual(['x: maps to no control and gives no reason']);
    expect(mappingProblems('x', { cis: ['9.9'], fsbp: ['EC2.999'] })).toEqual([
      'x: unknown cis control 9.9',
      'x: unknown fsbp control EC2.999',
    ]);
    expect(mappingProblems('x', { ismsp: ['2.5.3', '2.5.3'] })).toEqual(['x: ismsp lists a control twice']);
    expect(mappingProblems('x', { cis: ['1.4'], noneReason: 'n/a' })).toHaveLength(1);
    expect(mappingProblems('x', { noneReason: 'cost only' })).toEqual([]);
  });
});
