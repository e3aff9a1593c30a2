import { createMemoryBus } from '../../src/jobs/progress-bus.js';
import { busContract } from './bus-contract.js';

busContract('in-memory', createMemoryBus);
