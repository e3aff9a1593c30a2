import { ACMClient, type KeyAlgorithm, paginateListCertificates } from '@aws-sdk/client-acm';
import type { AcmCertificate } from '../../core/records/acm.js';
import { defineCollector } from '../types.js';

/**
 * Every key algorithm: without this filter ListCertificates returns only RSA_1024 and RSA_2048
 * certificates, hiding the others from the inventory.
 */
const ALL_KEY_TYPES: KeyAlgorithm[] = [
  'RSA_1024',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'EC_prime256v1',
  'EC_secp384r1',
  'EC_secp521r1',
];

/**
 * ListCertificates (1,000 a page) summaries carry status, type, key algorithm and NotAfter, so no
 * per-certificate DescribeCertificate is needed.
 */
export const acmCertificates = defineCollector({
  id: 'acm.certificates',
  async *collect(ctx) {
    const client = ctx.client(ACMClient);
    const pages = paginateListCertificates(
      { client, pageSize: 1000 },
      { Includes: { keyTypes: ALL_KEY_TYPES } },
    );
    for await (const page of pages) {
      for (const cert of page.CertificateSummaryList ?? []) {
        if (!cert.CertificateArn) continue;
        yield {
          region: ctx.region,
          certificateArn: cert.CertificateArn,
          ...(cert.DomainName ? { domainName: cert.DomainName } : {}),
          ...(cert.Status ? { status: cert.Status } : {}),
          ...(cert.Type ? { type: cert.Type } : {}),
          ...(cert.KeyAlgorithm ? { keyAlgorithm: cert.KeyAlgorithm } : {}),
          ...(cert.NotAfter ? { notAfter: cert.NotAfter.toISOString() } : {}),
          ...(cert.InUse !== undefined ? { inUse: cert.InUse } : {}),
          ...(cert.RenewalEligibility ? { renewalEligibility: cert.RenewalEligibility } : {}),
        } satisfies AcmCertificate;
      }
    }
  },
});
