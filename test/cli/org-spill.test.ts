import { access, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrgAccountSpill, type SpilledAccount } from '../../src/cli/org-spill.js';
import type { OrgAccountReport } from '../../src/reports/types.js';
import { fixtureCollection, generateFindings } from '../reports/fixtures.js';

describe('scan --org spill: each account written once advised, read back per pass', () => {
  it('keeps only status and regions in memory, reads the part back in order, removes its files on close', async () => {
    const spill = await OrgAccountSpill.open();
    const dir = spill.dir;
    expect(dirname(dir)).toBe(tmpdir());
    const part = {
      account: { id: '111111111111' },
      collection: { ...fixtureCollection(), accountId: '111111111111', status: 'completed' as const },
      findings: generateFindings(50, 2),
    };
    const kept = await spill.keep({ id: '111111111111', name: 'prod', ouPath: '/Prod/' }, part);
    expect(kept).toEqual({
      id: '111111111111',
      name: 'prod',
      ouPath: '/Prod/',
      status: 'scanned',
      report: { collection: { status: 'completed', regions: part.collection.regions } },
    });
    expect('findings' in kept.report).toBe(false);
    // The directory and the file are this user's alone.
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, '111111111111.json'))).mode & 0o777).toBe(0o600);

    const accounts: SpilledAccount[] = [
      { id: '222222222222', name: 'refused', status: 'failed', error: 'AccessDenied' },
      kept,
    ];
    const pass = spill.passes(accounts);
    for (let n = 0; n < 2; n++) {
      const read: OrgAccountReport[] = [];
      for await (const account of pass()) read.push(account);
      expect(read).toEqual([
        accounts[0],
        {
          id: '111111111111',
          name: 'prod',
          ouPath: '/Prod/',
          status: 'scanned',
          report: JSON.parse(JSON.stringify(part)),
        },
      ]);
    }
    await spill.close();
    await expect(access(dir)).rejects.toThrow(/ENOENT/);
  });
});
