/**
 * The Spend page in the browser, in Korean and English: Cost Explorer figures queued in the
 * emulator, the advisor's saving beside the service that bills it, the "fetched at" line and the
 * hourly refresh limit, the CSV link, tag grouping in the URL (back button), and 390 px phones
 * (no sideways page scroll; the table scrolls inside its card).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AdvisorRunDetailResponse } from '../../src/shared/api/advisor.js';
import { spendPeriod } from '../../src/spend/table.js';
import { createVolume } from '../advisor/seed.js';
import { expectNoSeriousA11yViolations, type RunningConsole, saveScreenshot } from '../support/browser.js';
import {
  browserPerSuite,
  connectEmulatorUser,
  consolePerFile,
  expectH1,
  LANGUAGES,
  pageApi,
  submitRegisterForm,
} from '../support/browser-session.js';
import { queueCostResults } from '../support/cost-explorer.js';

const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const S3 = 'Amazon Simple Storage Service';
const months = spendPeriod(new Date()).months;
const [m1, m2, m3, m4, m5, m6, mtd] = months as [string, string, string, string, string, string, string];

let server: RunningConsole;

/** One unattached volume (an advisor saving under "EC2 - Other") and six months of costs. */
async function seed(): Promise<void> {
  await createVolume(false);
  // Both languages ask the same two questions: the emulator answers each with the same result.
  await queueCostResults([
    {
      months: {
        [m1]: [{ keys: [EC2], usd: 1200 }],
        [m2]: [{ keys: [EC2], usd: 1250 }],
        [m3]: [{ keys: [EC2], usd: 1300 }],
        [m4]: [{ keys: [EC2], usd: 1280 }],
        [m5]: [
          { keys: [EC2], usd: 1000 },
          { keys: [S3], usd: 300 },
        ],
        [m6]: [
          { keys: [EC2], usd: 1234.5 },
          { keys: [S3], usd: 240 },
        ],
        [mtd]: [{ keys: [EC2], usd: 321 }],
      },
      estimated: [mtd],
    },
    {
      months: {
        [m5]: [
          { keys: ['team$platform'], usd: 900 },
          { keys: ['team$'], usd: 400 },
        ],
        [m6]: [
          { keys: ['team$platform'], usd: 1000 },
          { keys: ['team$'], usd: 474.5 },
        ],
      },
    },
  ]);
}

async function adviseEc2(page: Page): Promise<number> {
  const started = await pageApi(page, 'POST', '/api/advisor/runs', {
    services: ['ec2'],
    regions: ['us-east-1'],
  });
  expect(started.status).toBe(202);
  const runId = (started.json as { run: { runId: string } }).run.runId;
  let detail: AdvisorRunDetailResponse | undefined;
  await expect
    .poll(
      async () => {
        detail = AdvisorRunDetailResponse.parse(
          (await pageApi(page, 'GET', `/api/advisor/runs/${runId}`)).json,
        );
        return detail.run.status;
      },
      { timeout: 90_000, interval: 250 },
    )
    .toBe('completed');
  return (detail?.findings ?? [])
    .filter((f) => f.checkId.startsWith('ebs-') && (f.status === 'fail' || f.status === 'warning'))
    .reduce((sum, f) => sum + (f.estimatedMonthlySavingsUsd ?? 0), 0);
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

consolePerFile(seed, (started) => {
  server = started;
});

describe.each(LANGUAGES)('Spend page in $locale', ({ locale, lang, text }) => {
  let page: Page;
  browserPerSuite({ locale, name: `spend-${lang}` }, (opened) => {
    page = opened.page;
  });
  const row = (name: string) =>
    page.getByTestId('spend-row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  it('shows six months and the month to date per service, the change and the advisor saving', async () => {
    await submitRegisterForm(page, {
      baseUrl: server.baseUrl,
      text,
      username: `spend-${lang}`,
      password: `spend ${lang} password 1`,
    });
    await page.waitForURL(/\/signin|\/$/);
    await connectEmulatorUser(page, `spend-${lang}`);
    const savings = await adviseEc2(page);
    expect(savings).toBeGreaterThan(0);

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: text.nav.spend, exact: true }).first().click();
    await expectH1(page, text.spend.title);
    await page.getByTestId('spend-table').waitFor();
    const header = await page.getByTestId('spend-table').locator('thead').textContent();
    for (const m of [m1, m6]) expect(header).toContain(m);
    expect(header).toContain(text.spend.monthToDate.replace('{{month}}', mtd));
    expect(header).toContain(text.spend.estimated);
    expect(header).toContain(text.spend.savingsColumn);

    const rows = await page.getByTestId('spend-row').locator('th').allTextContents();
    expect(rows).toEqual([EC2, S3, 'EC2 - Other']);
    const ec2Cells = await row(EC2).locator('td').allTextContents();
    expect(ec2Cells.slice(0, 7).map(digits)).toEqual([1200, 1250, 1300, 1280, 1000, 1234.5, 321]);
    // +234.50 USD, +23.5 % from the month before the last complete month.
    expect(ec2Cells[7]).toContain('+');
    expect(digits(ec2Cells[7]?.split('(')[0] ?? '')).toBeCloseTo(234.5, 2);
    expect(ec2Cells[7]).toContain('23.5%');
    expect(digits(await row('EC2 - Other').getByTestId('spend-savings').textContent())).toBeCloseTo(
      savings,
      2,
    );

    const fetched = await page.getByTestId('spend-fetched').textContent();
    expect(fetched).toContain(
      text.spend.fetchedAt.split('{{date}}')[1]?.trim() || text.spend.fetchedAt.split('{{date}}')[0]?.trim(),
    );
    expect(fetched).toContain('0.01 USD');
    // Just fetched: a refresh would spend money for the same figures, so it waits an hour.
    await expect.poll(() => page.getByRole('button', { name: text.spend.refresh }).isDisabled()).toBe(true);
    expect(await page.getByTestId('spend-refresh-after').count()).toBe(1);
    const csv = page.getByRole('link', { name: text.spend.downloadCsv });
    expect(await csv.getAttribute('href')).toMatch(new RegExp(`/export\\?groupBy=service&lang=${lang}$`));
    expect(await page.getByTestId('spend-chart').locator('canvas').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'spend', lang);
  });

  it('groups by a cost allocation tag (kept in the URL; the back button returns)', async () => {
    await page.getByLabel(text.spend.groupBy).selectOption('tag');
    await page.getByLabel(text.spend.tagKey).fill('team');
    await page.getByRole('button', { name: text.spend.show }).click();
    await expect.poll(() => page.url()).toMatch(/groupBy=tag&tagKey=team/);
    await expect
      .poll(() => page.getByTestId('spend-row').locator('th').allTextContents())
      .toEqual(['platform', text.spend.untagged]);
    expect(await page.getByTestId('spend-table').locator('thead').textContent()).not.toContain(
      text.spend.savingsColumn,
    );
    await page.goBack();
    await expect
      .poll(() => page.getByTestId('spend-row').locator('th').allTextContents())
      .toEqual([EC2, S3, 'EC2 - Other']);
  });

  it('at 390 px the page never scrolls sideways; the table scrolls inside its card', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('spend-table').waitFor();
    // A string: the test project's types have no DOM.
    const widths = (await page.evaluate(`(() => {
      const scroll = document.querySelector('[data-testid=spend-table-scroll]');
      return {
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        table: scroll.scrollWidth,
        box: scroll.clientWidth,
      };
    })()`)) as { page: number; viewport: number; table: number; box: number };
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.table).toBeGreaterThan(widths.box);
    await saveScreenshot(page, 'spend-mobile', lang, { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('with a KRW display currency, every amount has its won figure: the Spend table and the advisor savings', async () => {
    const rate = 1350;
    const set = await pageApi(page, 'PUT', '/api/account/display-currency', {
      displayCurrency: { code: 'KRW', rate, rateDate: '2026-12-01' },
    });
    expect(set.status).toBe(200);
    const won = (usd: number) => `₩${Math.round(usd * rate).toLocaleString('en-US')}`;
    await page.goto(`${server.baseUrl}/spend`);
    await expectH1(page, text.spend.title);
    // Seven months, then the change, in the one "≈ ₩…" form of the shared formatter.
    await expect
      .poll(async () => (await row(EC2).getByTestId('spend-approx').allTextContents()).slice(0, 7))
      .toEqual([1200, 1250, 1300, 1280, 1000, 1234.5, 321].map((usd) => `≈\u00a0${won(usd)}`));
    expect(await row('EC2 - Other').getByTestId('spend-savings').textContent()).toContain('≈\u00a0₩');
    const caption = await page.getByTestId('spend-table').locator('caption').textContent();
    expect(caption).toContain('2026-12-01');

    // The advisor's savings (grouped table and a finding's savings line) carry it too.
    await page.goto(`${server.baseUrl}/advisor`);
    await page.getByTestId('finding-group').first().waitFor();
    const savingsGroup = page.getByTestId('finding-group').filter({ hasText: '₩' });
    await expect.poll(() => savingsGroup.count()).toBeGreaterThan(0);
    await savingsGroup.first().getByRole('button').first().click();
    await expect
      .poll(() => page.getByTestId('finding').filter({ hasText: '≈\u00a0₩' }).count())
      .toBeGreaterThan(0);
    await pageApi(page, 'PUT', '/api/account/display-currency', { displayCurrency: null });
  });
});
