import { expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import { queueContract } from './queue-contract.js';

queueContract('in-process', async (concurrency, retry) =>
  createInProcessQueue({ concurrency, ...(retry ? { retry } : {}) }),
);

it('in-process: refuses a job type without a handler', async () => {
  const queue = createInProcessQueue();
  await expect(queue.enqueue({ id: 'b', type: 'nope', payload: null })).rejects.toThrow(/No handler/);
});
