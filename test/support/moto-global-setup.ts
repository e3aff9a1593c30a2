import type { TestProject } from 'vitest/node';
import { type MotoServer, startMoto } from './moto-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    motoEndpoints: string[];
  }
}

/** Starts one moto server per test worker on a free port; stops them by PID at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workers = 2;
  const servers: MotoServer[] = await Promise.all(Array.from({ length: workers }, () => startMoto()));
  project.provide(
    'motoEndpoints',
    servers.map((s) => s.endpoint),
  );
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
