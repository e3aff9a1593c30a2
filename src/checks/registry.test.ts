import { describe, expect, it } from 'vitest';
import { fillRemediation, fillTemplate, templateKeys } from '../core/remediation.js';
import { CATEGORIES, SEVERITIES } from '../core/services.js';
import { stringListProblems } from '../core/setting-values.js';
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
      for (const text of [check.title, check.description, check.remediation.why]) {
        expect(text.en.length, check.id).toBeGreaterThan(0);
        expect(text.ko.length, check.id).toBeGreaterThan(0);
      }
      expect(check.docs.length, check.id).toBeGreaterThan(0);
      expect(check.requires.length, check.id).toBeGreaterThan(0);
      for (const [name, spec] of Object.entries(check.settings)) {
        if (spec.kind === 'stringList') {
          expect(stringListProblems(spec.default, spec), `${check.id}.${name}`).toEqual([]);
          continue;
        }
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

  it('each remediation says why, gives the same steps in both languages and fills every known value', () => {
    // Literal placeholders for values a finding always knows: they must be {{templates}} instead.
    const knownAsLiteral = /<(ID|REGION|BUCKET|FUNCTION|USER|GROUP_ID|ALLOCATION_ID|ACCOUNT_ID)>/;
    const known = new Set(['resourceId', 'resourceName', 'region', 'accountId']);
    for (const check of allChecks) {
      const r = check.remediation;
      expect(r.steps.en.length, check.id).toBeGreaterThan(0);
      expect(r.steps.ko.length, check.id).toBe(r.steps.en.length);
      const templates = [...r.commands, ...r.steps.en, ...r.steps.ko, r.iac?.code ?? ''];
      for (const template of templates) {
        expect(template, check.id).not.toMatch(knownAsLiteral);
        for (const key of templateKeys(template)) {
          expect(known.has(key) || key.startsWith('details.'), `${check.id}: ${key}`).toBe(true);
        }
      }
      for (const command of r.commands) {
        // Regional services' commands name the finding's region.
        if (/^aws (ec2|rds|lambda|logs|cloudwatch) /.test(command)) {
          expect(command, check.id).toContain('--region {{region}}');
        }
      }
    }
  });

  it('fills a remediation from a finding, leaving <PLACEHOLDER> only for what is unknown', () => {
    const check = allChecks.find((c) => c.id === 'ec2-instance-right-sized')!;
    const filled = fillRemediation(check.remediation, 'en', {
      resourceId: 'i-0abc',
      region: 'ap-northeast-2',
      details: { recommendedType: 'm5.large' },
    });
    expect(filled.commands.join('\n')).toContain(
      'aws ec2 modify-instance-attribute --instance-id i-0abc --instance-type m5.large --region ap-northeast-2',
    );
    expect(filled.commands.join('\n')).not.toMatch(/[<>{}]/);
    const generic = fillRemediation(check.remediation, 'ko').commands.join('\n');
    expect(generic).toContain('--instance-id <RESOURCE_ID>');
    expect(generic).toContain('--region <REGION>');
    expect(generic).toContain('--instance-type <RECOMMENDED_TYPE>');
    // A global finding's "region" is not a region.
    expect(fillTemplate('--region {{region}}', { region: 'global' })).toBe('--region <REGION>');
  });

  it('summarises checks and lists the collectors a service needs', () => {
    expect(checkSummaries().map((s) => s.id)).toEqual(allChecks.map((c) => c.id));
    const ec2 = requiredCollectors(['ec2']);
    for (const check of allChecks.filter((c) => c.service === 'ec2')) {
      for (const id of check.requires) expect(ec2).toContain(id);
    }
  });
});
