/**
 * The job queue port. Jobs carry a JSON-serialisable payload and are run by a handler registered
 * per job type, so the Redis adapter (BullMQ, several worker processes) ships the same jobs over
 * the wire: nothing here assumes closures or shared memory between producer and worker. Two
 * adapters: in-process (src/jobs/in-process-queue.ts) and BullMQ (src/jobs/bullmq-queue.ts).
 */

export interface JobSpec<P = unknown> {
  /** Unique id (the collection id for collection jobs); cancel() and events refer to it. */
  id: string;
  type: string;
  payload: P;
}

export interface JobContext {
  /** Aborted when cancel(id) is called (from any process) or the queue shuts down. */
  signal: AbortSignal;
  /**
   * True when an earlier attempt of this job started and did not finish (its worker died, or it
   * threw and is retried): the handler resumes instead of assuming a fresh start.
   */
  redelivered: boolean;
  /**
   * Runs child jobs (BullMQ flows: parent/child jobs, possibly in other worker processes) and
   * resolves once every child has finished — completed, failed after its retries, or cancelled.
   * Cancelling this job cancels every child. On BullMQ the parent is suspended meanwhile and its
   * handler is called again from the start once the children are done, so the code before
   * `fanOut` must be idempotent; the second call does not add the children again. It suspends
   * by throwing a queue-internal error: never catch around it, except for `FanOutError` (the
   * children could not be queued: none of them was added, nothing runs).
   */
  fanOut(children: readonly JobSpec[]): Promise<void>;
  /** 1 for the first try; a queue built with `attempts` runs a throwing handler again, with backoff. */
  attempt: number;
  /** No try follows this one if it throws (the handler records a final failure itself when it cares). */
  finalAttempt: boolean;
}

/** Retries of a queue's jobs: `attempts` tries in all, waiting `backoffMs`, then twice that, … between them. */
export interface JobRetry {
  attempts: number;
  backoffMs: number;
}

export type JobHandler<P = unknown> = (payload: P, ctx: JobContext) => Promise<void>;

export type JobState = 'queued' | 'running';

export type JobEvent =
  | { type: 'queued'; jobId: string }
  | { type: 'started'; jobId: string }
  | { type: 'completed'; jobId: string }
  | { type: 'failed'; jobId: string; error: string }
  /** Cancelled while queued (never started) or while running (handler settled after the abort). */
  | { type: 'cancelled'; jobId: string; whileRunning: boolean };

export type JobListener = (event: JobEvent) => void;

export interface JobQueue {
  /** Registers the handler of one job type (one per type). */
  process<P>(type: string, handler: JobHandler<P>): void;
  /** Queues a job; rejects when the id is already queued or running. */
  enqueue<P>(job: JobSpec<P>): Promise<void>;
  /** Aborts a queued or running job. False when the id is unknown (finished or never queued). */
  cancel(id: string): Promise<boolean>;
  /** 'queued' | 'running' for a live job, undefined otherwise. */
  state(id: string): Promise<JobState | undefined>;
  /** Subscribes to every job event; returns the unsubscribe function. */
  subscribe(listener: JobListener): () => void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Aborts everything and waits for running handlers to settle. */
  close(): Promise<void>;
}

export class DuplicateJobError extends Error {
  constructor(id: string) {
    super(`Job ${id} is already queued or running`);
    this.name = 'DuplicateJobError';
  }
}

/** The children of a fan-out could not be queued (none of them was added). */
export class FanOutError extends Error {
  constructor(cause: unknown) {
    super(`Could not queue the child jobs: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'FanOutError';
  }
}
