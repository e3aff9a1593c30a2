import type { S3Bucket } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';

/** "Bucket my-bucket" in both languages: the subject of every per-bucket message. */
export function bucketSubject(bucket: Pick<S3Bucket, 'name'>): LocalizedText {
  return { en: `Bucket ${bucket.name}`, ko: `버킷 ${bucket.name}` };
}
