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

/**
 * Makes the emulator authenticate every later request and obey the caller's IAM policies (works
 * for EC2, S3, IAM and RDS). Returns the function that restores the previous mode: call it in
 * afterAll, or every later test file on this worker's emulator is denied too.
 */
export async function enforceIam(endpoint = motoEndpoint()): Promise<() => Promise<void>> {
  const set = async (count: string) => {
    const res = await fetch(`${endpoint}/moto-api/reset-auth`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: count,
    });
    if (!res.ok) throw new Error(`moto reset-auth failed: ${res.status}`);
    return ((await res.json()) as { PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: string })
      .PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT;
  };
  const previous = await set('0');
  return async () => {
    await set(previous);
  };
}
