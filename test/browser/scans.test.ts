/**
 * A scan of many accounts in the browser, in Korean and English: an organization connection, an
 * OU picked in the new-run form, then the scan page with its accounts worst first — the member
 * whose audit role is refused at the gate shows `failed` with AWS's AccessDenied, the other one
 * links to its results.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../../src/core/services.js';
import { type Gate, startGate } from '../advisor/gate.js';
import { type RunningConsole, startConsole } from '../support/browser.js';
import {
  browserPerSuite,
  LANGUAGES,
  pageApi,
  refreshOrganizationInPage,
  signUp,
} from '../support/browser-session.js';
import { motoEndpoint, resetMoto } from '../support/moto.js';
import {
  MANAGEMENT_ACCOUNT_ID,
  memberClientConfig,
  type SeededOrg,
  seedOrganization,
} from '../support/org.js';

const REGION = 'us-east-1';
let server: RunningConsole;
let gate: Gate;
let seeded: SeededOrg;

beforeAll(async () => {
  await resetMoto();
  seeded = await seedOrganization();
  const web = new S3Client({
    ...(await memberClientConfig(seeded.members['prod-web'] as string)),
    maxAttempts: 3,
  });
  await web.send(new CreateBucketCommand({ Bucket: 'prod-web-assets' }));
  web.destroy();
  gate = await startGate(motoEndpoint());
  gate.denyAssumeRole(`::${seeded.members['prod-data']}:role/`);
  server = await startConsole({ awsEndpoint: gate.endpoint });
});
afterAll(async () => {
  await server?.close();
  await gate?.close();
});

describe.each(LANGUAGES)('a scan of an OU from the new-run form in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const s = text.scans;
  browserPerSuite(
    { locale, name: `scans-${lang}`, actionTimeoutMs: 30_000, bodyTextOnFailure: true },
    (o) => {
      page = o.page;
    },
  );

  it('starts the scan and shows the refused member failed, worst first', async () => {
    await signUp(page, { baseUrl: server.baseUrl, text, username: `scan-${lang}` });
    const created = await pageApi(page, 'POST', '/api/connections', {
      kind: 'role',
      name: 'management',
      roleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/OrgReader`,
      organization: { memberRoleName: 'AgainConsoleAudit', externalId: `org-external-id-${lang}` },
    });
    expect(created.status).toBe(201);
    const { connection } = created.json as { connection: { id: string } };
    await refreshOrganizationInPage(page, connection.id);

    await page.goto(`${server.baseUrl}/advisor/new`);
    await page.getByLabel(s.scopeOu, { exact: true }).check();
    const ou = page.getByLabel(s.ou, { exact: true });
    await ou.waitFor();
    // The region picker proposes the home region; checking it again keeps it chosen.
    await page.getByRole('checkbox', { name: new RegExp(`^${REGION} `) }).check();
    await page.getByRole('button', { name: text.advisor.start.submit }).click();
    await expect.poll(() => page.getByText(s.pickOu).count()).toBe(1); // validation first
    await ou.selectOption({ label: '/Production/' });
    for (const service of SERVICE_IDS.filter((id) => id !== 's3'))
      await page.getByLabel(text.advisor.services[service], { exact: true }).uncheck();
    await page.getByRole('button', { name: text.advisor.start.submit }).click();
    await page.waitForURL(/\/advisor\/scans\/\d{8}T/);

    const rows = page.getByTestId('scan-account');
    await expect.poll(() => rows.count()).toBe(2);
    // Polled every few seconds until both accounts are done; the failed one comes first.
    await expect
      .poll(() => page.getByText(s.statuses.completed_with_errors, { exact: true }).count(), {
        timeout: 120_000,
      })
      .toBeGreaterThan(0);
    const first = rows.nth(0);
    expect(await first.textContent()).toContain('prod-data');
    expect(await first.textContent()).toContain(s.statuses.failed);
    expect(await first.textContent()).toContain('AccessDenied');
    const second = rows.nth(1);
    expect(await second.textContent()).toContain('prod-web');
    expect(await second.textContent()).toContain(s.statuses.completed);

    // Downloads: the failed member has no report of its own; the completed one has its PDF.
    expect(await first.getByTestId('scan-account-report').count()).toBe(0);
    const accountPdf = second.getByTestId('scan-account-report');
    const accountHref = (await accountPdf.getAttribute('href')) ?? '';
    expect(accountHref).toContain(`account=${seeded.members['prod-web']}`);
    const pdf = await page.request.get(`${server.baseUrl}${accountHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    // The organization report with one framework: its CSV lists that framework's controls.
    const card = page.getByTestId('scan-downloads');
    await page.getByLabel(s.complianceSection, { exact: true }).selectOption('cis');
    const csvHref = (await card.getByRole('link').nth(1).getAttribute('href')) ?? '';
    expect(csvHref).toContain('compliance=cis');
    const csv = await page.request.get(`${server.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    const csvText = await csv.text();
    expect(csvText.split('\n')[0]).toContain('controlId');
    expect(csvText).toMatch(/\ncis,1\.4,/);

    await second.getByRole('link', { name: s.results }).click();
    await page.waitForURL(/\/advisor\?run=/);
    await page.getByRole('heading', { name: text.advisor.table.title }).waitFor({ timeout: 60_000 });

    await page.goto(`${server.baseUrl}/advisor/scans`);
    await expect.poll(() => page.getByTestId('scans').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('scans').textContent()).toContain(
      s.targetOu.replace('{{path}}', '/Production/'),
    );
  });
});
