/** The checks of a run: each one passes or fails with what was seen. The harness exits non-zero when any fails. */
export interface Check {
  scenario: string;
  name: string;
  passed: boolean;
  detail: string;
}

export class Report {
  readonly checks: Check[] = [];
  readonly figures: string[] = [];

  check(scenario: string, name: string, passed: boolean, detail = ''): boolean {
    this.checks.push({ scenario, name, passed, detail });
    process.stdout.write(`  ${passed ? 'ok  ' : 'FAIL'} [${scenario}] ${name}${detail ? ` — ${detail}` : ''}\n`);
    return passed;
  }

  /** A scenario that threw counts as a failed check, and the others still run. */
  async scenario(name: string, run: () => Promise<void>): Promise<void> {
    const started = Date.now();
    process.stdout.write(`\n== ${name}\n`);
    try {
      await run();
    } catch (error) {
      this.check(name, 'ran to the end', false, (error as Error).stack ?? String(error));
    }
    this.figure(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  figure(line: string): void {
    this.figures.push(line);
  }

  get failed(): Check[] {
    return this.checks.filter((c) => !c.passed);
  }

  summary(): string {
    const lines = [
      '',
      '== Summary',
      ...this.figures.map((f) => `  ${f}`),
      `  checks: ${this.checks.length - this.failed.length} passed, ${this.failed.length} failed`,
    ];
    for (const c of this.failed) lines.push(`  FAILED [${c.scenario}] ${c.name}: ${c.detail.split('\n')[0]}`);
    return `${lines.join('\n')}\n`;
  }
}
