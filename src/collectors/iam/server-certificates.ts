/** IAM server certificates: ListServerCertificates pages (metadata with the expiry; no per-certificate call). */
import { IAMClient, paginateListServerCertificates } from '@aws-sdk/client-iam';
import type { IamServerCertificate } from '../../core/records.js';
import { defineCollector } from '../types.js';

export const iamServerCertificates = defineCollector({
  id: 'iam.server-certificates',
  async *collect(ctx) {
    const pages = paginateListServerCertificates({ client: ctx.client(IAMClient), pageSize: 1000 }, {});
    for await (const page of pages) {
      ctx.signal.throwIfAborted();
      for (const c of page.ServerCertificateMetadataList ?? []) {
        const record: IamServerCertificate = {
          region: 'global',
          serverCertificateName: c.ServerCertificateName ?? '',
          arn: c.Arn ?? '',
          ...(c.ServerCertificateId ? { serverCertificateId: c.ServerCertificateId } : {}),
          ...(c.Path ? { path: c.Path } : {}),
          ...(c.UploadDate ? { uploadDate: c.UploadDate.toISOString() } : {}),
          ...(c.Expiration ? { expiration: c.Expiration.toISOString() } : {}),
        };
        yield record;
      }
    }
  },
});
