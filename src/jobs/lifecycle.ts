/**
 * What collections and advisor runs share around their jobs, written once: waiting for a job to
 * write its final state, and marking the records an ended process left unfinished.
 */

/** Re-reads a record until it is final or `timeoutMs` passes; returns the last read either way. */
export async function waitUntilFinal<T>(
  read: () => Promise<T>,
  isFinal: (record: T) => boolean,
  timeoutMs: number,
  pollMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await read();
    if (isFinal(current) || Date.now() > deadline) return current;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export interface OrphanRecovery<K> {
  /** Every record key in storage. */
  keys: () => Promise<K[]>;
  /** True when a job of this process still owns the record. */
  isLive: (key: K) => Promise<boolean>;
  /** Marks the record failed unless it is final; resolves true when it was marked. */
  markFailed: (key: K) => Promise<boolean>;
  onError: (key: K, error: unknown) => void;
}

/**
 * In-process jobs die with their process: a record still queued or running in storage with no
 * live job behind it is marked failed instead of "running" forever. Returns how many were marked.
 */
export async function recoverOrphans<K>(recovery: OrphanRecovery<K>): Promise<number> {
  let recovered = 0;
  for (const key of await recovery.keys()) {
    if (await recovery.isLive(key)) continue;
    const marked = await recovery.markFailed(key).catch((error: unknown) => {
      recovery.onError(key, error);
      return false;
    });
    if (marked) recovered++;
  }
  return recovered;
}
