import { rdsInstances } from './instances.js';
import { rdsSnapshots } from './snapshots.js';

export const collectors = [rdsInstances, rdsSnapshots];
