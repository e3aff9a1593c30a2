/**
 * The organization report read account by account (the CLI's `scan --org` spills each account and
 * reads it back): every renderer must produce exactly the report it produces from the accounts held
 * whole, while holding one account at a time. The source below hands out a fresh copy of an account
 * on each pull and poisons that copy (its findings and collection throw on any read) as soon as
 * the reader asks for the next account: a renderer that kept earlier accounts' findings and used
 * them later (say, for the totals after the last account, or to draw sections after the summary)
 * throws here instead of passing.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { orgCompliance, readOrgCompliance } from '../../src/compliance/org.js';
import { orgFindingsToCsv, writeOrgCsv } from '../../src/reports/csv.js';
import { writeOrgJsonReport } from '../../src/reports/json-stream.js';
import { buildOrgJsonReport } from '../../src/reports/org-json.js';
import { buildOrgModel, readOrgModel } from '../../src/reports/org-model.js';
import { renderOrgPdf } from '../../src/reports/pdf-org.js';
import type { OrgReportInput, OrgReportSource } from '../../src/reports/types.js';
import { fixtureOrgInput, generateFindings, HOSTILE, scannedAccount } from './fixtures.js';

/** Four scanned accounts (one hostile-named) around two that could not be scanned. */
function orgInput(lang: 'en' | 'ko'): OrgReportInput {
  const input: OrgReportInput = fixtureOrgInput(lang, [
    scannedAccount('111111111111', 'prod-web', generateFindings(120, 1), '/Production/Web/'),
    { id: '444444444444', name: 'refused', status: 'failed', error: 'AccessDenied: not authorized' },
    scannedAccount('222222222222', 'sandbox', generateFindings(60, 7), '/Sandbox/'),
    scannedAccount('333333333333', HOSTILE.formula, generateFindings(90, 3)),
    { id: '555555555555', name: 'closed', status: 'failed', error: 'suspended' },
    scannedAccount('666666666666', 'data', generateFindings(75, 5)),
  ]);
  input.compliance = orgCompliance(input, ['fsbp']);
  return input;
}

/** Makes every own property of `target` throw when read: the reader has let it go. */
function poison(target: object, what: string): void {
  for (const key of Object.keys(target))
    Object.defineProperty(target, key, {
      get() {
        throw new Error(`${what}.${key} read after the reader moved on to the next account`);
      },
    });
}

interface Pull {
  pass: number;
  index: number;
}

/**
 * The input's accounts as passes, one fresh copy per pull, poisoned when the next is pulled (or the
 * pass ends). `onPull` sees each pull before the account is handed out.
 */
function releasingSource(input: OrgReportInput, onPull: (pull: Pull) => void = () => {}): OrgReportSource {
  let passes = 0;
  const { accounts, ...shared } = input;
  return {
    ...shared,
    accounts: async function* () {
      passes += 1;
      const pass = passes;
      for (const [index, account] of accounts.entries()) {
        onPull({ pass, index });
        const copy = structuredClone(account);
        yield copy;
        if (copy.status !== 'scanned') continue;
        copy.report.findings.forEach((finding, i) => {
          poison(finding, `account ${account.id} finding ${i}`);
        });
        poison(copy.report, `account ${account.id} report`);
      }
    },
  };
}

/** A sink that records every byte as it is written (no buffering between the writer and the test). */
function recordingSink(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

describe('organization reports read one account at a time', () => {
  it('JSON: the same bytes as from the whole input; each account written before the next is read', async () => {
    const input = orgInput('en');
    const { out, bytes } = recordingSink();
    const pulls: (Pull & { writtenBefore: Record<string, number> })[] = [];
    const countWritten = () => {
      const text = bytes().toString('utf8');
      const counts: Record<string, number> = {};
      for (const match of text.matchAll(/"accountId": "(\d{12})",\n {6}"checkId"/g)) {
        const id = match[1] ?? '';
        counts[id] = (counts[id] ?? 0) + 1;
      }
      return counts;
    };
    await writeOrgJsonReport(
      releasingSource(input, (pull) => pulls.push({ ...pull, writtenBefore: countWritten() })),
      out,
    );
    expect(bytes().toString('utf8')).toBe(`${JSON.stringify(buildOrgJsonReport(input), null, 2)}\n`);
    // One pass for the summary's figures, one that writes the findings.
    expect(Math.max(...pulls.map((p) => p.pass))).toBe(2);
    const findingsOf = (index: number) => {
      const account = input.accounts[index];
      return account?.status === 'scanned' ? account.report.findings.length : 0;
    };
    for (const pull of pulls.filter((p) => p.pass === 2)) {
      // Every account before this one is completely written; none at or after it has begun.
      input.accounts.forEach((account, index) => {
        const expected = index < pull.index ? findingsOf(index) : 0;
        expect(pull.writtenBefore[account.id] ?? 0, `account ${index} at pull ${pull.index}`).toBe(expected);
      });
    }
    expect(pulls.filter((p) => p.pass === 1).every((p) => Object.keys(p.writtenBefore).length === 0)).toBe(
      true,
    );
  });

  it('PDF (en, ko): the same bytes as from the whole input, each pass holding one account', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const input = orgInput(lang);
      const whole = recordingSink();
      await renderOrgPdf(input, whole.out);
      let passes = 0;
      const released = recordingSink();
      await renderOrgPdf(
        releasingSource(input, ({ pass }) => {
          passes = Math.max(passes, pass);
        }),
        released.out,
      );
      expect(released.bytes().length).toBeGreaterThan(10_000);
      expect(released.bytes().equals(whole.bytes()), lang).toBe(true);
      // The summary's figures, then the two layout passes (page numbers, then the document).
      expect(passes).toBe(3);
    }
  }, 120_000);

  it('CSV, compliance roll-up and summary figures: the same as from the whole input', async () => {
    const input = orgInput('ko');
    const { out, bytes } = recordingSink();
    await writeOrgCsv(releasingSource(input), out);
    expect(bytes().toString('utf8')).toBe(orgFindingsToCsv(input));
    expect(await readOrgCompliance(releasingSource(input), ['fsbp', 'cis'])).toEqual(
      orgCompliance(input, ['fsbp', 'cis']),
    );
    const model = await readOrgModel(releasingSource(input));
    expect(model).toEqual(buildOrgModel(input));
    // Compact: the model keeps figures per account, not findings.
    expect(JSON.stringify(model)).not.toContain('"resourceId"');
    expect(model.scanned.map((a) => a.id)).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
      '666666666666',
    ]);
  });
});
