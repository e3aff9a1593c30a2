/**
 * Polls `probe` until it returns without throwing (or returns a truthy value), or the deadline
 * passes — then rethrows the last failure. For tests that wait on timers or other processes:
 * a fixed sleep is flaky on a loaded machine, a deadline is not.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = 5_000, intervalMs = 10 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== false) return value;
      throw new Error('eventually: the condition stayed false');
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
