import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root: where a user runs the README's commands. */
export const ROOT = resolve(__dirname, '../../..');

export interface ShellResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a script in bash from the repository root, as a user's shell would: only PATH and HOME come from
 * this process (none of the npm_* variables of an enclosing `npm test`, no NODE_ENV), plus `env`.
 * Asynchronous, so a server running in this process keeps answering the script's requests.
 */
export function bash(script: string, env: Record<string, string> = {}, timeoutMs = 120_000): Promise<ShellResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
