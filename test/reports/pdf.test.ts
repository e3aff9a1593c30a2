import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forService, renderAdvisorPdf } from '../../src/reports/pdf.js';
import { ReportInputError } from '../../src/reports/types.js';
import { FIXTURE_CHECKS, fixtureReportInput, HOSTILE } from './fixtures.js';
import { inkPerPage, pageCount, pdfText, renderToFile, squash, tempDir } from './pdf-tools.js';

let dir: string;
let koFile: string;
let enFile: string;

beforeAll(async () => {
  dir = await tempDir();
  koFile = await renderToFile(fixtureReportInput({ lang: 'ko' }, 90), `${dir}/ko.pdf`);
  enFile = await renderToFile(fixtureReportInput({ lang: 'en' }, 90), `${dir}/en.pdf`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('advisor PDF', () => {
  it('ko PDF: pdftotext reads the Korean labels, check titles and account back', async () => {
    const text = await pdfText(koFile);
    for (const expected of [
      '서비스 어드바이저 보고서',
      '목차',
      '요약',
      '전체 점수',
      '미해결 발견 항목',
      '수집 오류',
      '운영 계정 (prod)',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(FIXTURE_CHECKS[0]!.title.ko);
    expect(text).toContain('123456789012');
    expect(text).toMatch(/2026년 11월 26일 오[전후] \d{1,2}:\d{2} \(Asia\/Seoul\)/);
    expect(text).not.toMatch(/\b[AP]M\b/);
    expect(text).not.toContain('Executive summary');
  });

  it('en PDF: English labels, money formatted for en-US, dates with the zone', async () => {
    const text = await pdfText(enFile);
    for (const expected of [
      'Service Advisor report',
      'Contents',
      'Executive summary',
      'Open findings',
      'Collection errors',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(FIXTURE_CHECKS[1]!.title.en);
    // Open findings are headed by the failure label, not the desired-state title.
    const input = fixtureReportInput({ lang: 'en' }, 90);
    const failing = input.findings.find((f) => !f.muted && f.status === 'fail')!;
    const check = FIXTURE_CHECKS.find((c) => c.id === failing.checkId)!;
    expect(squash(text)).toContain(squash(check.failureLabel.en));
    // Structured remediation: why, steps, and commands with the resource and region filled in.
    expect(text).toContain(`Why it matters: ${check.remediation.why.en}`);
    expect(squash(text)).toContain(squash(`1. ${check.remediation.steps.en[0]}`));
    expect(squash(text)).toContain(
      squash(`aws ${failing.service} fix --resource ${failing.resourceId} --region ${failing.region}`),
    );
    expect(text).not.toContain('{{');
    expect(text).toMatch(/\$\d{1,3}(,\d{3})*\.\d{2}/);
    expect(text).toMatch(/November 26, 2026 at \d{1,2}:\d{2}.PM \(Asia\/Seoul\)/);
    expect(text).not.toContain('요약');
  });

  it('muted findings sit apart with reason, who and expiry; unknown ones are in the appendix with why', async () => {
    const text = await pdfText(enFile);
    const muted = text.indexOf('Muted findings\n');
    expect(muted).toBeGreaterThan(0);
    expect(text).toMatch(/Accepted risk for the staging account|테스트 환경이라 허용함/);
    expect(text).toContain('alice');
    const appendix = text.lastIndexOf('Appendix: not evaluated');
    expect(text.indexOf('Data could not be collected in', appendix)).toBeGreaterThan(appendix);
    expect(text.indexOf('Rate exceeded', appendix)).toBeGreaterThan(appendix); // a collection error
  });

  it('every page carries "page X / Y" with the true total, and the account id in the header', async () => {
    const total = await pageCount(enFile);
    expect(total).toBeGreaterThan(4);
    for (let page = 2; page <= total; page += 1) {
      const text = await pdfText(enFile, page);
      expect(text).toContain(`Page ${page} / ${total}`);
      expect(text).toContain('Account 123456789012');
    }
  });

  it('the table of contents points at the pages where the sections start', async () => {
    const toc = await pdfText(enFile, 2);
    for (const title of ['Executive summary', 'Amazon S3', 'AWS IAM', 'Appendix: not evaluated']) {
      const match = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)`).exec(toc);
      expect(match, title).not.toBeNull();
      const page = Number(match![1]);
      const pageText = await pdfText(enFile, page);
      expect(pageText.split('\n').slice(0, 4).join('\n')).toContain(title);
    }
  });

  it('hostile strings from the account come out as plain text', async () => {
    const text = squash(await pdfText(enFile));
    expect(text).toContain(squash(HOSTILE.formula));
    expect(text).toContain(squash(HOSTILE.script));
    expect(text).toContain(squash(HOSTILE.hangul));
    // The right-to-left override is made visible instead of reordering the name.
    expect(text).toContain('invoice<U+202E>gpj.exe');
    // Glyphs the font lacks (emoji) become "?" rather than invisible boxes.
    expect(text).toContain('prod?server?');
    // A very long name is cut, not allowed to run for pages.
    expect(text).not.toContain(squash(HOSTILE.longName));
  });

  it('pages are not blank (pdftoppm -gray, pixels counted from the PGM)', async () => {
    const ratios = await inkPerPage(koFile, dir);
    expect(ratios.length).toBe(await pageCount(koFile));
    // The content box only (below the running header at 42 pt, above the footer at 60 pt from the
    // bottom): a page that carries nothing but header and footer scores 0 here.
    const content = await inkPerPage(koFile, `${dir}`, undefined, { top: 50 / 842, bottom: 1 - 60 / 842 });
    for (const [i, ratio] of content.entries()) expect(ratio, `page ${i + 1}`).toBeGreaterThan(0.002);
    // The cover's colour band makes it the inkiest page; a blank render would be ~0.
    expect(ratios[0]).toBeGreaterThan(0.2);
  });

  it('a per-service PDF is the same document restricted to one service', async () => {
    const file = await renderToFile(
      forService(fixtureReportInput({ lang: 'en' }, 90), 's3'),
      `${dir}/s3.pdf`,
    );
    const text = await pdfText(file);
    expect(text).toContain('Amazon S3');
    expect(text).not.toContain('Amazon EC2');
    expect(text).not.toContain('DescribeSnapshots'); // an EC2 collection error
    expect(await pageCount(file)).toBeLessThan(await pageCount(enFile));
  });

  it('streams in several chunks and ends the output', async () => {
    const chunks: number[] = [];
    let finished = false;
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk.length);
        cb();
      },
      final(cb) {
        finished = true;
        cb();
      },
    });
    await renderAdvisorPdf(fixtureReportInput({ lang: 'ko' }, 40), out);
    expect(finished).toBe(true);
    expect(chunks.length).toBeGreaterThan(10);
  });

  it('rejects an unknown time zone or service before writing anything', async () => {
    const written: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        written.push(chunk);
        cb();
      },
    });
    await expect(renderAdvisorPdf(fixtureReportInput({ timeZone: 'Mars/Base' }, 5), out)).rejects.toThrow(
      ReportInputError,
    );
    const badService = fixtureReportInput({}, 5);
    badService.services = ['ec2', 'nope' as 'ec2'];
    await expect(renderAdvisorPdf(badService, out)).rejects.toThrow(/Unknown service "nope"/);
    expect(written).toHaveLength(0);
  });
});
