/**
 * The progress bus on Redis streams: XADD per message (bounded), XRANGE for the history, and a
 * blocking XREAD per follower on its own connection. A Redis restart pauses followers (the client
 * reconnects and resumes from the last id it saw), it does not end them.
 */
import type { Redis } from 'ioredis';
import type { BusEntry, ProgressBus } from './progress-bus.js';
import { redisClient } from './redis-connection.js';

/** Messages kept per topic (a collection has a few hundred collector × region events). */
const MAX_ENTRIES = 20_000;
const BLOCK_MS = 2_000;

const parse = ([id, fields]: [string, string[]]): BusEntry => ({
  id,
  message: JSON.parse(fields[1] ?? 'null') as unknown,
});

export function createRedisBus(redisUrl: string, prefix = 'again'): ProgressBus {
  const commands = redisClient(redisUrl);
  const followers = new Set<Redis>();
  const key = (topic: string) => `${prefix}:progress:${topic}`;
  return {
    async publish(topic, message) {
      const id = await commands.xadd(
        key(topic),
        'MAXLEN',
        '~',
        MAX_ENTRIES,
        '*',
        'm',
        JSON.stringify(message),
      );
      return id ?? '';
    },
    async history(topic) {
      const entries = (await commands.xrange(key(topic), '-', '+')) as [string, string[]][];
      return entries.map(parse);
    },
    async follow(topic, afterId, listener) {
      let last = afterId;
      if (last === '$') {
        // Pinned now: a literal '$' re-sent after an empty BLOCK would skip what came in between.
        const newest = (await commands.xrevrange(key(topic), '+', '-', 'COUNT', 1)) as [string, string[]][];
        last = newest[0]?.[0] ?? '0';
      }
      const reader = commands.duplicate();
      followers.add(reader);
      let stopped = false;
      void (async () => {
        while (!stopped) {
          try {
            const result = (await reader.xread('BLOCK', BLOCK_MS, 'STREAMS', key(topic), last)) as
              | [string, [string, string[]][]][]
              | null;
            for (const raw of result?.[0]?.[1] ?? []) {
              if (stopped) break;
              const entry = parse(raw);
              last = entry.id;
              listener(entry);
            }
          } catch {
            if (stopped) break;
            await new Promise((r) => setTimeout(r, 200)); // reconnecting: try again from `last`
          }
        }
      })();
      return () => {
        stopped = true;
        followers.delete(reader);
        reader.disconnect();
      };
    },
    async expire(topic, seconds) {
      await commands.expire(key(topic), seconds);
    },
    async close() {
      for (const reader of followers) reader.disconnect();
      followers.clear();
      commands.disconnect();
    },
  };
}
