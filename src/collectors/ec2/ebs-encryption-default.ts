import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';

/** One record per region: whether new EBS volumes are encrypted by default. */
export const ebsEncryptionDefaultCollector = defineCollector({
  id: 'ec2.ebs-encryption-default',
  async *collect(ctx) {
    const answer = await ctx.client(EC2Client).send(new GetEbsEncryptionByDefaultCommand({}));
    yield { region: ctx.region, enabled: answer.EbsEncryptionByDefault === true };
  },
});
