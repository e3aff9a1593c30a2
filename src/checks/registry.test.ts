import { describe, expect, it } from 'vitest';
import { CATEGORIES, SEVERITIES } from '../core/services.js';
import {
  allChecks,
  checkSummaries,
  discoverCheckFiles,
  requiredCollectors,
  serviceOfFolder,
} from './registry.js';

describe('check registry', () => {
  const files = discoverCheckFiles();

  it('discovers one check per file, ids equal file names and are unique', () => {
    expect(allChecks.length).toBe(files.length);
    const ids = allChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(files.map((f) => f.fileId));
  });

  it('each check declares the service of its folder (ebs-* checks are ec2)', () => {
    files.forEach((file, i) => {
      const check = allChecks[i];
      expect(check?.service, file.path).toBe(serviceOfFolder(file.folder));
      expect(check?.id.startsWith(`${file.folder}-`) || check?.id.startsWith('ebs-'), file.path).toBe(true);
    });
  });

  it('each check has valid metadata, both languages, docs and settings with sane defaults', () => {
    for (const check of allChecks) {
      expect(CATEGORIES, check.id).toContain(check.category);
      expect(SEVERITIES, check.id).toContain(check.severity);
      for (const text of [check.title, check.description, check.remediation]) {
        expect(text.en.length, check.id).toBeGreaterThan(0);
        expect(text.ko.length, check.id).toBeGreaterThan(0);
      }
      expect(check.docs.length, check.id).toBeGreaterThan(0);
      expect(check.requires.length, check.id).toBeGreaterThan(0);
      for (const [name, spec] of Object.entries(check.settings)) {
        if (spec.min !== undefined)
          expect(spec.default, `${check.id}.${name}`).toBeGreaterThanOrEqual(spec.min);
        if (spec.max !== undefined) expect(spec.default, `${check.id}.${name}`).toBeLessThanOrEqual(spec.max);
      }
    }
  });

  it('each check names its failure in both languages, apart from its desired-state title', () => {
    for (const check of allChecks) {
      expect(check.failureLabel?.en.trim().length, check.id).toBeGreaterThan(0);
      expect(check.failureLabel?.ko.trim().length, check.id).toBeGreaterThan(0);
      expect(check.failureLabel.en, check.id).not.toBe(check.title.en);
      expect(check.failureLabel.ko, check.id).not.toBe(check.title.ko);
    }
    expect(checkSummaries().every((s) => s.failureLabel.en.length > 0)).toBe(true);
  });

  it('summarises checks and lists the collectors a service needs', () => {
    expect(checkSummaries().map((s) => s.id)).toEqual(allChecks.map((c) => c.id));
    const ec2 = requiredCollectors(['ec2']);
    for (const check of allChecks.filter((c) => c.service === 'ec2')) {
      for (const id of check.requires) expect(ec2).toContain(id);
    }
  });
});
