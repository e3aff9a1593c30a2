import { describe, expect, it } from 'vitest';
import { allChecks } from '../checks/registry.js';
import { COMPLIANCE_FRAMEWORK_IDS } from '../core/compliance.js';
import { FRAMEWORKS } from './frameworks/index.js';
import { PENDING_CHECK_MAPPINGS } from './pending.js';
import { mappingProblems } from './validate.js';

/** `${prefix}1` … `${prefix}n`. */
function numbered(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

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

  // Verified 2026-12-06 against public CIS v5.0 and ISMS-P 2023 lists (docs/compliance.md).
  it('lists exactly the 63 CIS v5.0.0 recommendations, in order', () => {
    const expected = [
      ...numbered('1.', 21),
      ...numbered('2.1.', 4),
      ...numbered('2.2.', 4),
      ...numbered('2.3.', 1),
      ...numbered('3.', 9),
      ...numbered('4.', 16),
      ...numbered('5.1.', 2),
      ...numbered('5.', 7).slice(1),
    ];
    expect(expected).toHaveLength(63);
    expect(FRAMEWORKS.cis.controls.map((c) => c.id)).toEqual(expected);
    expect(FRAMEWORKS.cis.controls.filter((c) => c.section === '5.1').map((c) => c.id)).toEqual([
      '5.1.1',
      '5.1.2',
    ]);
  });

  it('lists exactly the 101 ISMS-P 2023 controls of its three parts, each in its subsection', () => {
    const perSubsection: [string, number][] = [
      ['1.1', 6],
      ['1.2', 4],
      ['1.3', 3],
      ['1.4', 3],
      ['2.1', 3],
      ['2.2', 6],
      ['2.3', 4],
      ['2.4', 7],
      ['2.5', 6],
      ['2.6', 7],
      ['2.7', 2],
      ['2.8', 6],
      ['2.9', 7],
      ['2.10', 9],
      ['2.11', 5],
      ['2.12', 2],
      ['3.1', 7],
      ['3.2', 5],
      ['3.3', 4],
      ['3.4', 2],
      ['3.5', 3],
    ];
    const expected = perSubsection.flatMap(([sub, n]) => numbered(`${sub}.`, n));
    expect(expected).toHaveLength(101);
    expect(FRAMEWORKS.ismsp.controls.map((c) => c.id)).toEqual(expected);
    expect(Object.keys(FRAMEWORKS.ismsp.sections)).toEqual(perSubsection.map(([sub]) => sub));
    for (const c of FRAMEWORKS.ismsp.controls) expect(c.id.startsWith(`${c.section}.`), c.id).toBe(true);
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
