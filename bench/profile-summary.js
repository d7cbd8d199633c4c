'use strict';
/**
 * Summarises a V8 .cpuprofile (from `npm run bench -- --profile`, written to bench/profiles/): self time
 * by package / area and the top functions by self time.
 *
 *   node bench/profile-summary.js [bench/profiles/<file>.cpuprofile] [--top 30]
 */
const { readFileSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const argv = process.argv.slice(2);
const topIndex = argv.indexOf('--top');
const top = topIndex >= 0 ? Number(argv[topIndex + 1]) : 30;
let file = argv.find((a, i) => !a.startsWith('--') && !['--top', '--callers'].includes(argv[i - 1]));
if (!file) {
  const dir = path.join(__dirname, 'profiles');
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error('No .cpuprofile in bench/profiles; run npm run bench -- --profile');
  file = newest;
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url, name) {
  if (!url) return name === '(garbage collector)' ? '(gc)' : name === '(idle)' || name === '(program)' ? name : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes('/server/dist/')) return 'tenantry';
  if (url.startsWith('node:')) return 'node:core';
  return url;
}

const areas = new Map();
const functions = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  const { functionName, url, lineNumber } = n.callFrame;
  const a = area(url, functionName);
  areas.set(a, (areas.get(a) ?? 0) + t);
  const key = `${functionName || '(anonymous)'}  ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/server\/dist\//, 'server/dist/')}:${lineNumber + 1}` : ''}`;
  functions.set(key, (functions.get(key) ?? 0) + t);
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled`);
console.log('\nSelf time by area:');
for (const [a, t] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${pct(t)}  ${a}`);
console.log(`\nTop ${top} functions by self time:`);
for (const [f, t] of [...functions].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(t)}  ${f}`);

// Inclusive time per function (a function counted once per stack), and who calls a given function.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${area(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;
const inclusive = new Map();
const callersOf = argv.includes('--callers') ? argv[argv.indexOf('--callers') + 1] : null;
const callers = new Map();
for (const [id, t] of self) {
  const seen = new Set();
  let cur = id;
  const stack = [];
  while (cur !== undefined) {
    const n = byId.get(cur);
    const l = label(n);
    stack.push(l);
    if (!seen.has(l)) {
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + t);
    }
    cur = parent.get(cur);
  }
  if (callersOf) {
    const at = stack.findIndex((l) => l.startsWith(`${callersOf} `));
    if (at >= 0) {
      const key = stack.slice(at, at + 8).join(' ← ');
      callers.set(key, (callers.get(key) ?? 0) + t);
    }
  }
}
if (argv.includes('--inclusive')) {
  console.log(`\nTop ${top} functions by inclusive time:`);
  for (const [f, t] of [...inclusive].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(t)}  ${f}`);
}
if (callersOf) {
  console.log(`\nStacks into ${callersOf}:`);
  for (const [f, t] of [...callers].sort((x, y) => y[1] - x[1]).slice(0, 10)) console.log(`  ${pct(t)}  ${f}`);
}
