import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/again-console.js', import.meta.url));

export interface Run {
  code: number | null;
  /** stdout byte for byte (latin1: a PDF survives the round trip). */
  stdout: string;
  /** stdout decoded as UTF-8 (Korean tables and CSV). */
  text: string;
  stderr: string;
}

/** The real bin as a child process, with a clean credential environment. */
export function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      chunks.push(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const out = Buffer.concat(chunks);
      resolve({ code, stdout: out.toString('latin1'), text: out.toString('utf8'), stderr });
    });
  });
}

export const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at [\w.<]+ \(|\.ts:\d+:\d+/);
