/** Shared by deploy.ts and destroy.ts: running a command in the project root, and failing with a message. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PreflightError, preflight, type AwsTarget, type PreflightOptions } from './preflight.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs a command with inherited output; exits with its status if it fails. */
export function run(command: string, args: readonly string[]): void {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export async function checkAws(options: PreflightOptions): Promise<AwsTarget> {
  try {
    return await preflight(options);
  } catch (error) {
    if (error instanceof PreflightError) fail(error.message);
    throw error;
  }
}

export function fail(message: string): never {
  console.error(`\n${message}\n`);
  // process.exit, not a thrown error: a pending SDK call must not keep the process waiting.
  process.exit(1);
}
