import { inject } from 'vitest';

/** The emulator endpoint owned by this test worker (one server per worker). */
export function motoEndpoint(): string {
  const endpoints = inject('motoEndpoints');
  const poolId = Number(process.env.VITEST_POOL_ID ?? '1');
  const endpoint = endpoints[(poolId - 1) % endpoints.length];
  if (!endpoint)
    throw new Error('moto endpoint not provided: is test/support/moto-global-setup.ts configured?');
  return endpoint;
}

/** Wipes all emulator state. Call in beforeAll/beforeEach of every file that uses the emulator. */
export async function resetMoto(endpoint = motoEndpoint()): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
}

export const testCredentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

/** Client options for any AWS SDK v3 client pointed at the emulator. */
export function motoClientConfig(region = 'us-east-1', endpoint = motoEndpoint()) {
  return { region, endpoint, credentials: testCredentials, forcePathStyle: true, maxAttempts: 1 } as const;
}
