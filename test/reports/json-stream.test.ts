import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildJsonReport } from '../../src/reports/json.js';
import { writeJsonReport } from '../../src/reports/json-stream.js';
import type { ReportInput } from '../../src/reports/types.js';
import { fixtureReportInput } from './fixtures.js';

async function streamed(input: ReportInput): Promise<{ text: string; writes: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeJsonReport(input, out);
  return { text: Buffer.concat(chunks).toString('utf8'), writes: chunks.length };
}

describe('streamed JSON report', () => {
  it.each([
    ['en', 200],
    ['ko', 80],
    ['en', 0],
  ] as const)(
    'is byte for byte the whole report as JSON.stringify writes it (%s, %i findings)',
    async (lang, count) => {
      const input = fixtureReportInput({ lang }, count);
      const whole = `${JSON.stringify(buildJsonReport(input), null, 2)}\n`;
      const { text } = await streamed(input);
      expect(text).toBe(whole);
    },
  );

  it('writes a large report in pieces, not as one string', async () => {
    const { text, writes } = await streamed(fixtureReportInput({ lang: 'en' }, 3000));
    expect(JSON.parse(text).findings).toHaveLength(3000);
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(writes).toBeGreaterThan(3);
  });

  it('waits for a slow destination to drain instead of buffering the report', async () => {
    let written = 0;
    let maxBuffered = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        setTimeout(() => {
          maxBuffered = Math.max(maxBuffered, slow.writableLength);
          done();
        }, 1);
      },
    });
    await writeJsonReport(fixtureReportInput({ lang: 'en' }, 3000), slow);
    await new Promise((resolve) => slow.end(resolve));
    // Without waiting for 'drain', the whole report would sit in the stream's buffer.
    expect(written).toBeGreaterThan(1_000_000);
    expect(maxBuffered).toBeLessThan(700 * 1024);
  });
});
