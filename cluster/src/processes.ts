import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Everything the harness starts or creates, so that it is all stopped and removed at the end: also when a
 * check throws, the harness is interrupted (SIGINT/SIGTERM) or an exception escapes. Children run in their
 * own process group (detached), so killing the group also kills what they spawned (Galera's SST scripts).
 */
export class Resources {
  private readonly children = new Set<ChildProcess>();
  private readonly directories: string[] = [];
  private readonly tails = new WeakMap<ChildProcess, string>();
  private cleaned = false;

  /** Its output is always read (a full pipe would block the child) and its last 20 KB kept for error messages. */
  spawn(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    const keep = (chunk: Buffer) => this.tails.set(child, ((this.tails.get(child) ?? '') + chunk.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  }

  outputOf(child: ChildProcess): string {
    return this.tails.get(child) ?? '';
  }

  temporaryDirectory(prefix: string): string {
    const path = mkdtempSync(join(tmpdir(), prefix));
    this.directories.push(path);
    return path;
  }

  /** SIGKILLs the child's whole process group and waits for the child to be gone. */
  async kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child, 'SIGKILL');
    await gone;
  }

  /** Synchronous, so it can also run from an 'exit' handler. */
  cleanUp(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    for (const child of this.children) signalGroup(child, 'SIGKILL');
    // mariadbd may take a moment to release its files after SIGKILL; rm -rf of an open file is still fine on Linux.
    for (const directory of this.directories) rmSync(directory, { recursive: true, force: true });
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Runs cleanUp on every way out of the process. */
export function cleanUpOnExit(resources: Resources): void {
  process.once('exit', () => resources.cleanUp());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping every process the harness started and removing its directories.\n`);
      resources.cleanUp();
      process.exit(130);
    });
  }
}

/** Collects a child's output (for error messages) and resolves when a line matches. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => finish(new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`)),
      timeoutMs,
    );
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`${what} exited (${code ?? signal}) before it was ready:\n${output.slice(-3000)}`));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) finish(null, match);
    };
    function finish(error: Error | null, match?: RegExpExecArray) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match!);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value, or fails with the last reason after `timeoutMs`. */
export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs / 1000} s (${last})`);
    await sleep(250);
  }
}
