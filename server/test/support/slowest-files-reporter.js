'use strict';
/**
 * A Jest reporter that prints, after the run, the spec files that took longest (per project: a file runs once
 * on SQLite and once on MariaDB), so the next thing to speed up is in plain sight (issue 24).
 */
const SHOWN = 15;

class SlowestFilesReporter {
  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((file) => ({
        seconds: (file.perfStats.end - file.perfStats.start) / 1000,
        name: `${file.displayName?.name ? `[${file.displayName.name}] ` : ''}${file.testFilePath.replace(`${process.cwd()}/`, '')}`,
        tests: file.numPassingTests + file.numFailingTests,
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, SHOWN);
    if (files.length === 0) return;
    const lines = files.map((f) => `${f.seconds.toFixed(1).padStart(7)} s  ${String(f.tests).padStart(4)} specs  ${f.name}`);
    process.stderr.write(`\nThe ${files.length} slowest spec files:\n${lines.join('\n')}\n`);
  }
}

module.exports = SlowestFilesReporter;
