import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The built server, as `npm start` runs it. Specs that start it need `npm run build` first (npm test does it). */
const MAIN = resolve(__dirname, '../../dist/main.js');

/** Only PATH from this process, so the server reads nothing of the test run's environment. */
const serverEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', ...env });

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the server with `env` and waits for it to stop by itself (a start that fails). */
export function runServerToExit(env: Record<string, string>, timeoutMs = 30_000): Promise<Exit> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export interface RunningServer {
  /** The GraphQL URL the server printed. */
  url: string;
  output(): Exit;
  /** SIGTERM, then the exit. */
  stop(): Promise<Exit>;
}

/** Starts the server with `env` and resolves once it prints where it serves; fails with its output if it exits first. */
export function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [MAIN], { env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<Exit>((resolveExit) => child.once('close', (code) => resolveExit({ code, stdout, stderr })));
  return new Promise((resolvePromise, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /"url":"([^"]+)","msg":"listening"/.exec(stdout) ?? /serving GraphQL at (\S+)/.exec(stdout);
      if (match) {
        resolvePromise({
          url: match[1],
          output: () => ({ code: null, stdout, stderr }),
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // exited never rejects; it only turns a child that dies before serving into this promise's rejection.
    void exited.then((exit) => reject(new Error(`the server exited (${exit.code}) before serving:\n${exit.stdout}\n${exit.stderr}`)));
  });
}
