/**
 * Service Advisor and dashboard in the browser, in Korean and English: seed the emulator with
 * resources that fail checks, collect + advise from the new-run tab, see findings grouped by check
 * (expand, sort, filter in the URL, back button, flat view), mute one,
 * download the PDF and CSV, then see the dashboard's counts, savings and charts.
 */
import { readFile } from 'node:fs/promises';
import {
  AllocateAddressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, type RunningConsole, saveScreenshot } from '../support/browser.js';
import {
  browserPerSuite,
  connectEmulatorUser,
  consolePerFile,
  LANGUAGES,
  submitRegisterForm,
} from '../support/browser-session.js';
import { expectFocus } from '../support/keyboard.js';
import { motoClientConfig } from '../support/moto.js';

const REGION = 'us-east-1';

let server: RunningConsole;
const seeded = { volume: '', group: '', bucket: 'advisor-ui-plain' };

/** An unencrypted, unattached gp2 volume, SSH open to the world, a bucket without encryption, a free EIP. */
async function seed(): Promise<void> {
  const ec2 = new EC2Client(motoClientConfig(REGION));
  const volume = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${REGION}a`,
      Size: 100,
      VolumeType: 'gp2',
      Encrypted: false,
    }),
  );
  seeded.volume = volume.VolumeId ?? '';
  const group = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'ssh-open', Description: 'ssh' }));
  seeded.group = group.GroupId ?? '';
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: seeded.group,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  ec2.destroy();
  const s3 = new S3Client(motoClientConfig(REGION));
  await s3.send(new CreateBucketCommand({ Bucket: seeded.bucket }));
  s3.destroy();
}

consolePerFile(seed, (started) => {
  server = started;
});

describe.each(LANGUAGES)('Service Advisor and dashboard in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const a = text.advisor;
  const finding = (check: string, resource: string) =>
    page.locator(`[data-testid=finding][data-check="${check}"][data-resource="${resource}"]`);

  const suite = browserPerSuite({ locale, name: `advisor-${lang}` }, (opened) => {
    page = opened.page;
  });

  it('a new user sees the guided dashboard, then connects', async () => {
    await submitRegisterForm(page, {
      baseUrl: server.baseUrl,
      text,
      username: `adv-${lang}`,
      password: `advisor ${lang} password 1`,
    });
    await expect
      .poll(() => page.getByRole('heading', { name: text.dashboard.emptyTitle }).count(), { timeout: 15_000 })
      .toBe(1);
    // The steps render after the connections query answers: wait for them, do not race it.
    await expect
      .poll(() => page.getByRole('link', { name: text.gettingStarted.connect.action }).count())
      .toBe(1);
    await connectEmulatorUser(page, `adv-${lang}`, REGION);
  });

  /** The grouped table's row of `check`, expanded (its findings fetched and shown). */
  const expand = async (check: string) => {
    const row = page.locator(`[data-testid=finding-group][data-check="${check}"]`);
    const toggle = row.getByRole('button');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  };
  const groupRow = (check: string) => page.locator(`[data-testid=finding-group][data-check="${check}"]`);

  it('runs from the new-run tab; results open as a table grouped by check', async () => {
    await page.getByRole('link', { name: text.nav.advisor }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: text.pages.advisor.emptyTitle }).count())
      .toBe(1);
    await page.getByRole('main').getByRole('link', { name: a.start.title }).click();
    for (const s of ['lambda', 'rds', 'iam'] as const)
      await page.getByLabel(a.services[s], { exact: true }).uncheck();
    // The home region is proposed; cleared, the form asks for one before anything starts.
    const region = page.getByRole('checkbox', { name: new RegExp(`^${REGION} `) });
    await expect.poll(() => region.isChecked()).toBe(true);
    await page.getByRole('button', { name: text.regionPicker.clear }).click();
    await page.getByRole('button', { name: a.start.submit }).click();
    await expect.poll(() => page.getByText(text.regionPicker.needRegion).count()).toBe(1); // validation first
    await region.check();
    await page.getByRole('button', { name: a.start.submit }).click();
    await page.waitForURL(/\/advisor\?run=/);

    await page.getByRole('heading', { name: a.table.title }).waitFor({ timeout: 90_000 });
    for (const check of [
      'ebs-volume-encrypted',
      'ec2-securitygroup-admin-ports-restricted',
      's3-bucket-default-encryption',
      'ebs-volume-attached',
    ])
      await expect.poll(() => groupRow(check).count(), { message: check }).toBe(1);
    // failed / total resources of the check
    expect(await groupRow('ebs-volume-encrypted').getByTestId('group-count').textContent()).toMatch(
      /^1 \/ \d+$/,
    );
    // Expanding a row shows its affected resources.
    await expand('ebs-volume-encrypted');
    await expect.poll(() => finding('ebs-volume-encrypted', seeded.volume).count()).toBe(1);
    expect(await finding('ebs-volume-encrypted', seeded.volume).textContent()).toContain(a.statuses.fail);
    // Passing findings are hidden by default (status filter "open").
    expect(await page.locator('[data-testid=finding]', { hasText: a.statuses.pass }).count()).toBe(0);
    expect(Number(await page.getByTestId('open-findings').textContent())).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('run-savings').textContent()).toMatch(/\$\s?\d/);
    // Remediation steps and documentation links sit behind the disclosure.
    const unencrypted = finding('ebs-volume-encrypted', seeded.volume);
    // A failure is named by what is wrong, not by the desired state.
    expect(await unencrypted.locator('h4').textContent()).toBe(
      lang === 'ko' ? '암호화되지 않은 EBS 볼륨' : 'Unencrypted EBS volumes',
    );
    await unencrypted.locator('summary').click();
    expect(await unencrypted.locator('a[href^="https://"]').count()).toBeGreaterThan(0);
    // Structured remediation: why, steps, and commands with this volume's id and region filled in.
    const remediation = unencrypted.getByTestId('remediation');
    expect(await remediation.textContent()).toContain(a.finding.why);
    expect(await remediation.locator('li').count()).toBeGreaterThan(1);
    const commands = (await remediation.locator('pre').first().textContent()) ?? '';
    expect(commands).toContain(`aws ec2 create-snapshot --volume-id ${seeded.volume}`);
    expect(commands).toContain(`--region ${REGION}`);
    expect(commands).not.toMatch(/<REGION>|<RESOURCE_ID>|\{\{/);
    expect(await remediation.getByRole('button', { name: a.finding.copyCommands }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'advisor', lang);
  });

  it('filters and sorts through the URL; the back button undoes each change', async () => {
    const checks = () =>
      page.getByTestId('finding-group').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-check')));
    await page.getByLabel(a.filters.severity, { exact: true }).selectOption('high');
    await page.waitForURL(/severity=high/);
    await expect.poll(() => groupRow('s3-bucket-default-encryption').count()).toBe(0); // medium
    expect(await groupRow('ebs-volume-encrypted').count()).toBe(1);

    await page.getByLabel(a.filters.sort, { exact: true }).selectOption('savings');
    await page.waitForURL(/sort=savings/);
    expect(page.url()).toContain('severity=high');

    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('sort=savings');
    expect(page.url()).toContain('severity=high');
    expect(await page.getByLabel(a.filters.sort, { exact: true }).inputValue()).toBe('severity');
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('severity=high');
    await expect.poll(() => groupRow('s3-bucket-default-encryption').count()).toBe(1);

    // Sorted by savings, the cost check with savings comes first.
    await page.getByLabel(a.filters.sort, { exact: true }).selectOption('savings');
    await expect.poll(async () => (await checks())[0]).toBe('ebs-volume-attached');

    // The shared address opens the same view.
    await page.getByLabel(a.filters.text, { exact: true }).fill(seeded.bucket);
    await page.waitForURL(new RegExp(`q=${seeded.bucket}`));
    const address = page.url();
    await page.goto(`${server.baseUrl}/advisor/history`);
    await page.goto(address);
    await expect.poll(async () => (await checks()).includes('s3-bucket-default-encryption')).toBe(true);
    expect((await checks()).every((check) => check?.startsWith('s3-bucket-'))).toBe(true);
    expect(await page.getByLabel(a.filters.text, { exact: true }).inputValue()).toBe(seeded.bucket);

    // The flat view lists one row per finding: here all of the bucket's.
    const bucketChecks = (await checks()).length;
    await page.getByRole('button', { name: a.table.view.flat }).click();
    await page.waitForURL(/view=flat/);
    const resources = () =>
      page
        .locator('[data-testid=finding]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-resource')));
    await expect.poll(async () => (await resources()).length).toBe(bucketChecks);
    expect(new Set(await resources())).toEqual(new Set([seeded.bucket]));
    await page.getByRole('button', { name: a.filters.clear }).click();
    await page.getByRole('button', { name: a.table.view.groups }).click();
    await expect.poll(() => groupRow('ebs-volume-encrypted').count()).toBe(1);
  });

  it('mutes a finding with a reason: it leaves the open findings and shows under "muted"; unmute brings it back', async () => {
    await expand('ebs-volume-encrypted');
    await finding('ebs-volume-encrypted', seeded.volume)
      .getByRole('button', { name: new RegExp(`^${a.finding.mute}`) })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: a.mute.submit, exact: true }).click();
    await expect.poll(() => dialog.getByText(a.mute.reasonRequired).count()).toBe(1);
    await dialog.getByLabel(a.mute.reason).fill('scratch volume, deleted next week');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: a.mute.submit, exact: true }).click();
    // Every advisor figure is refetched after a mute: slow on the shared machine.
    await expect.poll(() => groupRow('ebs-volume-encrypted').count(), { timeout: 20_000 }).toBe(0);

    await page.getByLabel(a.filters.status, { exact: true }).selectOption('muted');
    await expand('ebs-volume-encrypted');
    const muted = finding('ebs-volume-encrypted', seeded.volume);
    await expect.poll(() => muted.textContent()).toContain('scratch volume, deleted next week');
    await muted.getByRole('button', { name: new RegExp(`^${a.finding.unmute}`) }).click();
    await expect.poll(() => groupRow('ebs-volume-encrypted').count(), { timeout: 20_000 }).toBe(0);
    await page.getByRole('button', { name: a.filters.clear }).click();
    await expect.poll(() => groupRow('ebs-volume-encrypted').count()).toBe(1);
  });

  it('downloads the PDF and the CSV report', async () => {
    const pdfWait = page.waitForEvent('download');
    await page.getByRole('link', { name: a.downloads.download.replace('{{format}}', 'PDF') }).click();
    const pdf = await readFile((await (await pdfWait).path()) ?? '');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);

    const csvWait = page.waitForEvent('download');
    await page.getByRole('link', { name: a.downloads.download.replace('{{format}}', 'CSV') }).click();
    const csv = await readFile((await (await csvWait).path()) ?? '', 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM so spreadsheets read Korean right
    expect(csv).toContain('ebs-volume-encrypted');
    expect(csv).toContain(seeded.volume);
  });

  it('history lists the run; settings reject an out-of-range threshold', async () => {
    const tabs = page.getByRole('navigation', { name: a.tabs.label });
    await tabs.getByRole('link', { name: a.tabs.history }).click();
    await expect.poll(() => page.getByTestId('history-table').locator('tbody tr').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await tabs.getByRole('link', { name: a.tabs.settings }).click();
    const row = page.getByTestId('setting-ec2-instance-right-sized.maxCpuPercent');
    await row.locator('input').fill('150');
    await page.getByRole('button', { name: a.settings.save }).click();
    const message = a.settings.outOfRange.replace('{{min}}', '1').replace('{{max}}', '100');
    await expect.poll(() => row.getByText(message).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
  });

  it('the dashboard shows counts, savings and charts after the run', async () => {
    await page.getByRole('link', { name: text.nav.dashboard }).click();
    await page.getByTestId('dash-resources').waitFor();
    // Each card answers from its own query: poll, do not race them.
    await expect
      .poll(async () => Number((await page.getByTestId('dash-resources').textContent())?.replace(/\D/g, '')))
      .toBeGreaterThanOrEqual(4);
    await expect
      .poll(async () => Number(await page.getByTestId('dash-open').textContent()))
      .toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.getByTestId('dash-savings').textContent()).toMatch(/\$\s?[1-9]/);
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.getByTestId('top-savings').textContent()).toContain(seeded.volume);
    await expect
      .poll(() => page.getByTestId('last-collection').textContent())
      .toContain(text.dashboard.collectionStatus.completed);
    expect(suite.session.pageErrors).toEqual([]);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'dashboard', lang);
  });

  // Last: the cancelled run's collection becomes the newest one, which the dashboard test would see.
  it('cancels a running run: it shows as cancelled, focus on its status heading, history says so', async () => {
    await page.getByRole('link', { name: text.nav.advisor, exact: true }).click();
    await page
      .getByRole('navigation', { name: a.tabs.label })
      .getByRole('link', { name: a.tabs.new })
      .click();
    // Every service in every enabled region: a collection long enough to be cancelled mid-way.
    await page.getByLabel(text.regionPicker.allEnabled, { exact: true }).check();
    await page.getByRole('button', { name: a.start.submit }).click();
    await page.waitForURL(/\/advisor\?run=/);
    const progress = page.getByTestId('run-progress');
    await progress.waitFor();
    await progress.getByRole('button', { name: a.progress.cancel, exact: true }).click();
    const heading = page.getByRole('heading', { name: a.progress.cancelledTitle });
    await heading.waitFor({ timeout: 20_000 });
    expect(await progress.count()).toBe(0);
    await expectFocus(heading);
    expect(await page.getByRole('heading', { name: a.table.title }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await page
      .getByRole('navigation', { name: a.tabs.label })
      .getByRole('link', { name: a.tabs.history })
      .click();
    const rows = page.getByTestId('history-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain(a.runStatuses.cancelled);
    expect(suite.session.pageErrors).toEqual([]);
  });
});
