/** The EC2 collectors (the registry discovers these exports). */
import { addressesCollector } from './addresses.js';
import { ebsEncryptionDefaultCollector } from './ebs-encryption-default.js';
import { imagesCollector } from './images.js';
import { instancesCollector } from './instances.js';
import { securityGroupsCollector } from './security-groups.js';
import { snapshotsCollector } from './snapshots.js';
import { volumesCollector } from './volumes.js';

export const ec2Collectors = [
  instancesCollector,
  volumesCollector,
  snapshotsCollector,
  securityGroupsCollector,
  addressesCollector,
  imagesCollector,
  ebsEncryptionDefaultCollector,
];
