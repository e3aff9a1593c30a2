import { ACMClient, ImportCertificateCommand, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEAK_CERT, WEAK_KEY } from '../../scripts/demo-seed-store.js';
import { acmCertificates } from '../../src/collectors/acm/certificates.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness } from './harness.js';

describe('acm collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const east = new ACMClient(motoClientConfig('us-east-1'));
    await east.send(new RequestCertificateCommand({ DomainName: 'shop.example.com' }));
    await east.send(
      new ImportCertificateCommand({
        Certificate: Buffer.from(WEAK_CERT),
        PrivateKey: Buffer.from(WEAK_KEY),
      }),
    );
    await new ACMClient(motoClientConfig('eu-west-1')).send(
      new RequestCertificateCommand({ DomainName: 'eu.example.com' }),
    );
  });

  it('lists requested and imported certificates with type, key algorithm and status from the summaries', async () => {
    const harness = createHarness();
    const certificates = await harness.run(acmCertificates, 'us-east-1');
    const byDomain = new Map(certificates.map((c) => [c.domainName, c]));
    expect([...byDomain.keys()].sort()).toEqual(['legacy.example.com', 'shop.example.com']);
    expect(byDomain.get('shop.example.com')).toMatchObject({
      region: 'us-east-1',
      type: 'AMAZON_ISSUED',
      keyAlgorithm: 'RSA_2048',
    });
    // The imported certificate's 1,024-bit key: listed because the collector asks for every key type.
    expect(byDomain.get('legacy.example.com')).toMatchObject({ type: 'IMPORTED', keyAlgorithm: 'RSA_1024' });
    expect(byDomain.get('legacy.example.com')?.notAfter).toMatch(/^2036-/);
    expect(certificates.every((c) => c.certificateArn.startsWith('arn:aws:acm:us-east-1:'))).toBe(true);
    expect([...harness.calls.entries()]).toEqual([['ListCertificates', 1]]);
  });

  it('keeps regions apart', async () => {
    const harness = createHarness();
    const certificates = await harness.run(acmCertificates, 'eu-west-1');
    expect(certificates.map((c) => [c.domainName, c.region])).toEqual([['eu.example.com', 'eu-west-1']]);
  });
});
