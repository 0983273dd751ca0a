// Node benchmark of the npm package: instantiate time (require() in fresh processes: read,
// compile, instantiate) and the time of one check() through the JS boundary. Prints JSON.
// Not a test: `node pkg/bench/bench-node.cjs` (scripts/bench-wasm.sh runs it).
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const payloads = require('./payloads.cjs');
const entry = path.resolve(__dirname, '../dist/node/privlink.js');

if (process.argv[2] === '--instantiate') {
  const t0 = process.hrtime.bigint();
  require(entry);
  process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));
  process.exit(0);
}

const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const stats = (xs) => {
  xs.sort((a, b) => a - b);
  return { median: q(xs, 0.5), p99: q(xs, 0.99), n: xs.length };
};

const inst = [];
for (let i = 0; i < 15; i++) inst.push(Number(execFileSync(process.execPath, [__filename, '--instantiate'], { encoding: 'utf8' })));
const pl = require(entry);

function perCall(f, text) {
  for (let i = 0; i < 2000; i++) f(text);
  const single = [];
  for (let i = 0; i < 20000; i++) {
    const t0 = process.hrtime.bigint();
    f(text);
    single.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  return stats(single);
}

const result = {
  node: process.version,
  instantiateMs: stats(inst),
  checkValidUs: perCall(pl.check, payloads.valid),
  checkBrokenUs: perCall(pl.check, payloads.broken),
  fieldErrorsUs: perCall((t) => pl.fieldErrors(JSON.parse(t), { draft: true }), payloads.valid),
  findings: { valid: pl.check(payloads.valid).diagnostics.length, broken: pl.check(payloads.broken).diagnostics.length },
};
console.log(JSON.stringify(result, null, 2));
