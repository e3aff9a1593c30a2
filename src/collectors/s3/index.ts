import { s3AccountPublicAccessBlock } from './account-public-access-block.js';
import { s3Buckets } from './buckets.js';

export const collectors = [s3Buckets, s3AccountPublicAccessBlock];
