/**
 * Compliance downloads: the CSV and JSON of one framework, and the compliance section of the
 * merged advisor PDF (read back with pdftotext), in Korean and English.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ismsp2023 } from '../../src/compliance/frameworks/ismsp-2023.js';
import { COMPLIANCE_CSV_COLUMNS } from '../../src/reports/compliance-csv.js';
import { ComplianceResponse } from '../../src/shared/api/compliance.js';
import { pdfText, tempDir } from '../reports/pdf-tools.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { writeSyntheticRun } from '../support/synthetic-run.js';
import { OLDER_RUN } from './fixtures.js';

describe('compliance reports', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let runId: string;

  const csvRows = async (framework: string, lang: string) => {
    const res = await alice.get(
      `/api/advisor/runs/${runId}/compliance/report?framework=${framework}&lang=${lang}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`again-compliance-${framework}-`);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parse(res.body, { bom: true }) as string[][];
  };

  beforeAll(async () => {
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    runId = await writeSyntheticRun(t.storage, 'alice', OLDER_RUN);
  });
  afterAll(async () => t?.close());

  it('CSV: one row per control with its status, checks and failing resources', async () => {
    const [header, ...rows] = await csvRows('cis', 'en');
    expect(header).toEqual([...COMPLIANCE_CSV_COLUMNS]);
    expect(rows).toHaveLength(63);
    expect(rows.find((r) => r[1] === '5.7')).toEqual([
      'cis',
      '5.7',
      'EC2 instance metadata requires IMDSv2',
      'fail',
      'ec2-instance-imdsv2-required',
      'us-east-1/i-legacy',
    ]);
    expect(rows.find((r) => r[1] === '1.1')?.slice(3)).toEqual(['manual', '', '']);
    expect(rows.find((r) => r[1] === '1.4')?.[3]).toBe('pass');
  });

  it('CSV titles follow the language, ISMS-P leading in Korean', async () => {
    const title = ismsp2023.controls.find((c) => c.id === '2.6.2')?.title;
    const ko = await csvRows('ismsp', 'ko');
    expect(ko.find((r) => r[1] === '2.6.2')?.slice(2, 4)).toEqual([title?.ko, 'fail']);
    const en = await csvRows('ismsp', 'en');
    expect(en.find((r) => r[1] === '2.6.2')?.[2]).toBe(`${title?.ko} (${title?.en})`);
  });

  it('JSON is the view with its trend; bad input is a 400, another user gets 404', async () => {
    const res = await alice.get(`/api/advisor/runs/${runId}/compliance/report?framework=fsbp&format=json`);
    expect(res.statusCode, res.body).toBe(200);
    const view = ComplianceResponse.parse(JSON.parse(res.body));
    expect(view.framework.id).toBe('fsbp');
    expect(view.trend).toHaveLength(1);
    for (const query of ['framework=nist', 'format=xml', 'lang=fr']) {
      const bad = await alice.get(`/api/advisor/runs/${runId}/compliance/report?${query}`);
      expect(bad.statusCode, query).toBe(400);
    }
    const other = await bob.get(`/api/advisor/runs/${runId}/compliance/report?format=csv`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('i-legacy');
  });

  it.each([
    ['ko', ['규정 준수', 'CIS AWS Foundations 벤치마크 v5.0.0', 'KISA ISMS-P 2023', '수동 검토']],
    [
      'en',
      [
        'Compliance',
        'CIS AWS Foundations Benchmark v5.0.0',
        'AWS Foundational Security Best Practices',
        'Manual',
      ],
    ],
  ] as const)('the merged PDF in %s has a compliance section for every framework', async (lang, expected) => {
    const res = await alice.get(`/api/advisor/runs/${runId}/report?format=pdf&lang=${lang}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const file = path.join(await tempDir(), `compliance-${lang}.pdf`);
    await writeFile(file, res.rawPayload);
    const text = await pdfText(file);
    for (const phrase of expected) expect(text, phrase).toContain(phrase);
    expect(text).toContain('ec2-instance-imdsv2-required');
    expect(text).toContain('i-legacy-name');
    // Listed in the contents.
    const contents = await pdfText(file, 2);
    expect(contents).toContain(expected[0]);
  });
});
