// Prints, after the run, the time each project took: its wall span (first file started → last file
// ended; projects overlap, two workers share them) and the sum of its files' own times, with the
// slowest files. The suite's budget is in wall time, so that is what this reports first.
const path = require('node:path');

class ProjectTimesReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.projects = new Map();
    // Jest makes its reporters after the global setup: the run began when this process did.
    this.started = Date.now() - process.uptime() * 1000;
  }

  onRunStart() {
    this.setupDone = Date.now();
  }

  onTestResult(test, result) {
    const name = test.context.config.displayName?.name ?? 'default';
    const p = this.projects.get(name) ?? { files: 0, tests: 0, sum: 0, first: Infinity, last: 0, slowest: [] };
    const { start, end } = result.perfStats;
    p.files += 1;
    p.tests += result.numPassingTests + result.numFailingTests + result.numPendingTests + result.numTodoTests;
    p.sum += end - start;
    p.first = Math.min(p.first, start);
    p.last = Math.max(p.last, end);
    p.slowest.push({ file: path.relative(this.rootDir, test.path), ms: end - start });
    this.projects.set(name, p);
  }

  onRunComplete() {
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
    const lines = ['', 'Time per project (wall: first file start → last file end; sum: the files\' own times)'];
    lines.push(`  ${'project'.padEnd(10)} ${'files'.padStart(5)} ${'tests'.padStart(6)} ${'wall'.padStart(8)} ${'sum'.padStart(8)}  slowest files`);
    for (const [name, p] of [...this.projects].sort((a, b) => a[1].first - b[1].first)) {
      const slowest = p.slowest.sort((a, b) => b.ms - a.ms).slice(0, 3).map((f) => `${path.basename(f.file, '.test.ts')} ${(f.ms / 1000).toFixed(0)} s`);
      lines.push(`  ${name.padEnd(10)} ${String(p.files).padStart(5)} ${String(p.tests).padStart(6)} ${s(p.last - p.first)} ${s(p.sum)}  ${slowest.join(', ')}`);
    }
    const setup = this.setupDone ? ` (before the first file, global setup included: ${s(this.setupDone - this.started).trim()})` : '';
    lines.push(`  ${'all'.padEnd(10)} ${''.padStart(5)} ${''.padStart(6)} ${s(Date.now() - this.started)}${setup}`);
    console.log(lines.join('\n'));
  }
}

module.exports = ProjectTimesReporter;
