/**
 * The results page's grouped table and pages of findings: the pure grouping first (counts,
 * savings, regions, sorts, muted and text filters), then the routes on a stored run (paging, bad
 * queries, another user's run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingMatcher, groupFindings, pageFindings } from '../../src/advisor/finding-groups.js';
import type { Finding } from '../../src/core/findings.js';
import {
  FindingFilterQuery,
  FindingGroupsResponse,
  FindingPageQuery,
  FindingPageResponse,
} from '../../src/shared/api/advisor.js';
import { createTestApp, signUp, type TestApp } from '../support/app.js';
import { syntheticFindings, writeSyntheticRun } from '../support/synthetic-run.js';

const finding = (over: Partial<Finding>): Finding => ({
  checkId: 'ebs-volume-encrypted',
  service: 'ec2',
  category: 'security',
  severity: 'high',
  status: 'fail',
  region: 'us-east-1',
  resourceId: 'vol-1',
  message: { ko: '암호화되지 않음', en: 'not encrypted' },
  ...over,
});

const FINDINGS: Finding[] = [
  finding({ resourceId: 'vol-1' }),
  finding({ resourceId: 'vol-2', region: 'eu-west-1' }),
  finding({ resourceId: 'vol-3', status: 'pass' }),
  finding({
    resourceId: 'vol-4',
    muted: { reason: 'scratch', by: 'me', at: '2026-01-01T00:00:00Z', ruleId: 'r1' },
  }),
  finding({
    checkId: 'ebs-volume-attached',
    category: 'cost',
    severity: 'medium',
    resourceId: 'vol-5',
    estimatedMonthlySavingsUsd: 10.1,
  }),
  finding({
    checkId: 'ebs-volume-attached',
    category: 'cost',
    severity: 'medium',
    resourceId: 'vol-6',
    status: 'warning',
    estimatedMonthlySavingsUsd: 0.2,
  }),
  finding({
    checkId: 'ebs-volume-attached',
    category: 'cost',
    severity: 'medium',
    resourceId: 'vol-7',
    status: 'pass',
  }),
  finding({
    checkId: 's3-bucket-versioning',
    service: 's3',
    severity: 'low',
    resourceId: 'b-1',
    status: 'unknown',
  }),
];
const titles: Record<string, string> = { 'ebs-volume-attached': 'Unattached volumes\n연결되지 않은 볼륨' };
const titleOf = (id: string) => titles[id] ?? '';
const filter = (q: Record<string, string> = {}) => FindingFilterQuery.parse(q);

describe('grouping findings by check (pure)', () => {
  it('one row per check with open findings: failed / total, savings, regions; severity first', () => {
    const { groups, matched, regions } = groupFindings(FINDINGS, filter(), titleOf);
    expect(matched).toBe(4);
    expect(regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(groups).toEqual([
      {
        checkId: 'ebs-volume-encrypted',
        service: 'ec2',
        category: 'security',
        severity: 'high',
        matched: 2,
        failed: 2,
        total: 3, // the muted finding is in neither
        estimatedMonthlySavingsUsd: 0,
        regions: ['eu-west-1', 'us-east-1'],
      },
      {
        checkId: 'ebs-volume-attached',
        service: 'ec2',
        category: 'cost',
        severity: 'medium',
        matched: 2,
        failed: 2,
        total: 3,
        estimatedMonthlySavingsUsd: 10.3,
        regions: ['us-east-1'],
      },
    ]);
  });

  it('sorts by savings and by count; filters by status, muted, region and text (title in both languages)', () => {
    expect(groupFindings(FINDINGS, filter({ sort: 'savings' }), titleOf).groups[0]?.checkId).toBe(
      'ebs-volume-attached',
    );
    const all = groupFindings(FINDINGS, filter({ status: 'all', sort: 'count' }), titleOf);
    expect(all.groups.map((g) => [g.checkId, g.matched])).toEqual([
      ['ebs-volume-encrypted', 3], // equal counts: the higher severity first
      ['ebs-volume-attached', 3],
      ['s3-bucket-versioning', 1],
    ]);
    const muted = groupFindings(FINDINGS, filter({ status: 'muted' }), titleOf);
    expect(muted.groups.map((g) => [g.checkId, g.matched])).toEqual([['ebs-volume-encrypted', 1]]);
    expect(groupFindings(FINDINGS, filter({ region: 'eu-west-1' }), titleOf).matched).toBe(1);
    expect(groupFindings(FINDINGS, filter({ q: '연결되지' }), titleOf).groups.map((g) => g.checkId)).toEqual([
      'ebs-volume-attached',
    ]);
    expect(findingMatcher(filter({ q: 'VOL-2' }), titleOf)(FINDINGS[1] as Finding)).toBe(true);
  });

  it('pages the findings of one check, largest savings first within a severity', () => {
    const query = (q: Record<string, string>) => FindingPageQuery.parse(q);
    const page = pageFindings(FINDINGS, query({ check: 'ebs-volume-attached', limit: '1' }), titleOf);
    expect(page.total).toBe(2);
    expect(page.findings.map((f) => f.resourceId)).toEqual(['vol-5']);
    const second = pageFindings(
      FINDINGS,
      query({ check: 'ebs-volume-attached', limit: '1', offset: '1' }),
      titleOf,
    );
    expect(second.findings.map((f) => f.resourceId)).toEqual(['vol-6']);
    expect(pageFindings(FINDINGS, query({}), titleOf).findings.map((f) => f.resourceId)).toEqual([
      'vol-2', // same check and severity: by region, then resource
      'vol-1',
      'vol-5',
      'vol-6',
    ]);
  });
});

describe('GET /api/advisor/runs/:runId/groups and /findings', () => {
  let t: TestApp;
  let runId: string;
  const findings = syntheticFindings(1_000);
  const open = findings.filter((f) => f.status === 'fail');

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers the stored run grouped and paged; bad queries are 400; another user gets 404', async () => {
    const owner = await signUp(t.app, 'groups-owner');
    runId = await writeSyntheticRun(t.storage, 'groups-owner', findings);

    const groupsRes = await owner.get(`/api/advisor/runs/${runId}/groups?severity=high&sort=count`);
    expect(groupsRes.statusCode, groupsRes.body).toBe(200);
    const groups = FindingGroupsResponse.parse(groupsRes.json());
    const high = open.filter((f) => f.severity === 'high');
    expect(groups.matched).toBe(high.length);
    expect(groups.groups.reduce((n, g) => n + g.matched, 0)).toBe(high.length);
    expect(groups.groups.every((g) => g.severity === 'high')).toBe(true);

    const check = groups.groups[0]?.checkId ?? '';
    const pageRes = await owner.get(`/api/advisor/runs/${runId}/findings?check=${check}&offset=2&limit=3`);
    expect(pageRes.statusCode, pageRes.body).toBe(200);
    const page = FindingPageResponse.parse(pageRes.json());
    expect(page.total).toBe(open.filter((f) => f.checkId === check).length);
    expect(page.findings).toHaveLength(3);
    expect(page.findings.every((f) => f.checkId === check && f.status === 'fail')).toBe(true);

    const summary = await owner.get(`/api/advisor/runs/${runId}/summary`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json().run.results.countsByStatus.fail).toBe(open.length);

    for (const bad of [
      'groups?sort=bogus',
      'groups?status=gone',
      'findings?limit=5000',
      'findings?offset=-1',
    ]) {
      const res = await owner.get(`/api/advisor/runs/${runId}/${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }

    const other = await signUp(t.app, 'groups-other');
    for (const path of ['groups', 'findings', 'summary']) {
      const res = await other.get(`/api/advisor/runs/${runId}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('res-0');
    }
  });
});
