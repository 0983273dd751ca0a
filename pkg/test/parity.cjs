// Parity: for every fixture (tests/fixtures/**/*.json) and example (examples/*.json), the Node
// package returns exactly the findings (code, pointer, severity, line, column) that the CLI's
// `--format json` returns. A fixture's `.args` file (`--group-id=...`, `--query=k=v`,
// `--accept=...`, `--severity=CODE=LEVEL`, one per line) is passed to both.
// Usage: PRIVLINK_CLI=path/to/privlink node pkg/test/parity.cjs
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const pl = require('../dist/node/privlink.js');

const root = path.resolve(__dirname, '../..');
const cli = process.env.PRIVLINK_CLI;
if (!cli || !fs.existsSync(cli)) {
  console.error(`parity: set PRIVLINK_CLI to the privlink binary (got ${cli})`);
  process.exit(2);
}

function walk(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out;
}

const files = [
  ...walk(path.join(root, 'tests/fixtures'), []),
  ...(fs.existsSync(path.join(root, 'examples'))
    ? fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.json')).map((f) => path.join(root, 'examples', f))
    : []),
].sort();
if (files.length === 0) {
  console.error('parity: no fixtures or examples found');
  process.exit(1);
}

function argsOf(file) {
  for (const a of [file + '.args', file.replace(/\.json$/, '.args')]) {
    if (fs.existsSync(a)) {
      return fs.readFileSync(a, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    }
  }
  return [];
}

// CLI arguments -> wasm options.
function optionsOf(args, file) {
  const o = {};
  for (const line of args) {
    const m = /^(--[a-z-]+)(?:[= ](.*))?$/.exec(line);
    if (!m) throw new Error(`${file}: cannot read .args line ${JSON.stringify(line)}`);
    const [, flag, value = ''] = m;
    const v = value.replace(/^(['"])(.*)\1$/, '$2');
    if (flag === '--group-id') o.groupId = v;
    else if (flag === '--accept') o.accept = v;
    else if (flag === '--query') (o.query = o.query || []).push(v);
    else if (flag === '--severity') {
      const i = v.indexOf('=');
      (o.severity = o.severity || {})[v.slice(0, i)] = v.slice(i + 1);
    } else throw new Error(`${file}: .args flag ${flag} has no wasm option`);
  }
  return o;
}

function cliArgs(args) {
  // `--flag value` and `--flag=value` are both accepted by the CLI; normalise to `--flag=value`.
  return args.map((l) => l.replace(/^(--[a-z-]+) +/, '$1=').replace(/=(['"])(.*)\1$/, '=$2'));
}

function runCli(extra, paths) {
  const r = spawnSync(cli, ['check', '--format', 'json', ...extra, ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 });
  let out;
  try {
    out = JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`CLI output is not JSON (exit ${r.status}): ${r.stderr}\n${r.stdout.slice(0, 500)}`);
  }
  const byPath = new Map();
  for (const f of out.files) byPath.set(path.resolve(root, f.path), f);
  return byPath;
}

const key = (d) => [d.code, d.pointer, d.severity, d.start ? d.start.line : null, d.start ? d.start.column : null];
const fmt = (ds) => ds.map((d) => key(d).join(' ')).join('\n      ') || '(none)';

// One CLI call for every file without .args; one per file with .args.
const plain = files.filter((f) => argsOf(f).length === 0);
const cliResults = new Map();
for (let i = 0; i < plain.length; i += 200) {
  const batch = plain.slice(i, i + 200);
  for (const [p, f] of runCli([], batch.map((f) => path.relative(root, f)))) cliResults.set(p, f);
}
for (const f of files.filter((f) => argsOf(f).length > 0)) {
  for (const [p, r] of runCli(cliArgs(argsOf(f)), [path.relative(root, f)])) cliResults.set(p, r);
}

let failures = 0;
let compared = 0;
for (const file of files) {
  const rel = path.relative(root, file);
  const expected = cliResults.get(path.resolve(file));
  if (!expected || !Array.isArray(expected.diagnostics)) {
    console.error(`FAIL ${rel}: the CLI reported no result (${expected && expected.error})`);
    failures++;
    continue;
  }
  const opts = optionsOf(argsOf(file), rel);
  const bytes = fs.readFileSync(file);
  const variants = [['bytes', pl.check(new Uint8Array(bytes), opts)]];
  const text = bytes.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(bytes)) variants.push(['string', pl.check(text, opts)]);
  for (const [how, got] of variants) {
    const a = JSON.stringify(expected.diagnostics.map(key));
    const b = JSON.stringify(got.diagnostics.map(key));
    if (a !== b || expected.valid !== got.valid) {
      failures++;
      console.error(`FAIL ${rel} (${how}${opts && Object.keys(opts).length ? ' ' + JSON.stringify(opts) : ''})\n   cli:  ${fmt(expected.diagnostics)}\n   wasm: ${fmt(got.diagnostics)}`);
    }
  }
  compared++;
}
console.log(`parity: ${compared} files, ${failures ? failures + ' mismatches' : 'CLI and Node package agree'}`);
process.exit(failures ? 1 : 0);
