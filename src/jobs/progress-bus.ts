/**
 * The progress bus port: ordered, replayable topics (one per collection or advisor run). Jobs
 * publish; SSE streams read the history, then follow. Entry ids are the SSE event ids, so a
 * browser reconnecting with Last-Event-ID resumes after the last event it saw. Two adapters:
 * in-memory (below) and Redis streams (src/jobs/redis-progress-bus.ts).
 */
export interface BusEntry {
  id: string;
  message: unknown;
}

export interface ProgressBus {
  /** Appends a message; resolves with its id. */
  publish(topic: string, message: unknown): Promise<string>;
  /** Every entry so far, oldest first. */
  history(topic: string): Promise<BusEntry[]>;
  /**
   * Calls `listener` with every entry after `afterId` (an id as returned, '0' for the start, '$'
   * for only new ones), in order, until the returned stop is called.
   */
  follow(topic: string, afterId: string, listener: (entry: BusEntry) => void): Promise<() => void>;
  /** Drops the topic after `seconds` (its job finished; late readers use storage). */
  expire(topic: string, seconds: number): Promise<void>;
  close(): Promise<void>;
}

/** Ids compare as numbers in the memory bus ("3" < "12"). */
const idNumber = (id: string) => (/^\d+$/.test(id) ? Number(id) : 0);

export function createMemoryBus(): ProgressBus {
  const topics = new Map<string, { entries: BusEntry[]; listeners: Set<(e: BusEntry) => void> }>();
  const timers = new Set<NodeJS.Timeout>();
  let sequence = 0;
  const topicOf = (name: string) => {
    let topic = topics.get(name);
    if (!topic) {
      topic = { entries: [], listeners: new Set() };
      topics.set(name, topic);
    }
    return topic;
  };
  return {
    async publish(name, message) {
      const entry = { id: String(++sequence), message };
      const topic = topicOf(name);
      topic.entries.push(entry);
      for (const listener of topic.listeners) {
        try {
          listener(entry);
        } catch {
          // One broken stream must not stop the others (or the job).
        }
      }
      return entry.id;
    },
    history: async (name) => [...(topics.get(name)?.entries ?? [])],
    async follow(name, afterId, listener) {
      const topic = topicOf(name);
      const after = afterId === '$' ? sequence : idNumber(afterId);
      for (const entry of topic.entries) if (idNumber(entry.id) > after) listener(entry);
      topic.listeners.add(listener);
      return () => topic.listeners.delete(listener);
    },
    async expire(name, seconds) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (topics.get(name)?.listeners.size === 0) topics.delete(name);
      }, seconds * 1000);
      timer.unref();
      timers.add(timer);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      topics.clear();
    },
  };
}
