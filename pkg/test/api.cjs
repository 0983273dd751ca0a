// The Node package's contract: shapes, UTF-16 positions, draft mode, fix, matrix, and that no
// input, however bad, traps the module (every call returns a result; only bad *options* throw).
'use strict';
const assert = require('assert/strict');
const pl = require('../dist/node/privlink.js');

let n = 0;
function t(name, f) {
  try {
    f();
    n++;
  } catch (e) {
    console.error(`FAIL ${name}\n${e.stack}`);
    process.exitCode = 1;
  }
}

const MSK_ARN = 'arn:aws:kafka:us-east-1:123456789012:cluster/testing/de8982fa-8222-4e87-8b20-9bf3cdfa1521-2';

t('check: a valid payload', () => {
  const r = pl.check(JSON.stringify({ provider: 'AWS', vendor: 'MSK', arn: MSK_ARN }));
  assert.equal(r.valid, true);
  assert.deepEqual(r.counts, { errors: 0, warnings: 0, infos: 0 });
  assert.deepEqual(r.diagnostics, []);
});

t('check: every diagnostic field, byte and UTF-16 positions', () => {
  // An astral character before the finding: columns in characters and in UTF-16 units differ.
  const text = '{"note😀": 1, "provider": "aws", "vendor": "MSK", "arn": "1235711"}';
  const r = pl.check(text);
  assert.equal(r.valid, false);
  const d = r.diagnostics.find((d) => d.code === 'PL203');
  for (const k of ['code', 'name', 'severity', 'pointer', 'message', 'help', 'span', 'start', 'end', 'labels', 'fix', 'url']) assert.ok(k in d, k);
  assert.equal(d.pointer, '/provider');
  assert.equal(d.start.line, 1);
  assert.equal(d.start.utf16Column, d.start.column + 1);
  assert.equal(text.slice(d.start.utf16Offset, d.end.utf16Offset), '"aws"');
  assert.equal(Buffer.from(text).subarray(d.span.offset, d.span.offset + d.span.length).toString(), '"aws"');
  const e = d.fix.edits[0];
  assert.equal(text.slice(e.utf16Offset, e.utf16Offset + e.utf16Length), 'aws');
  assert.equal(e.replacement, 'AWS');
  assert.match(d.url, /rules\.md#pl203$/);
  assert.ok(r.diagnostics.some((d) => d.code === 'PL401' && d.pointer === '/arn'));
});

t('check: PL001 with line and column', () => {
  const r = pl.check('{\n  "provider": "AWS",\n  "vendor": "MSK",\n}');
  assert.equal(r.diagnostics[0].code, 'PL001');
  assert.equal(r.diagnostics[0].start.line, 3); // the trailing comma
});

t('check: options (severity, request pre-flight)', () => {
  const body = JSON.stringify({ provider: 'AWS', vendor: 'MSK' });
  assert.equal(pl.check(body).diagnostics[0].severity, 'error');
  const r = pl.check(body, { severity: { PL301: 'warning' } });
  assert.equal(r.valid, true);
  assert.equal(pl.check(body, { severity: { 'missing-required-field': 'off' } }).diagnostics.length, 0);
  const q = pl.check(JSON.stringify({ provider: 'AWS', vendor: 'MSK', arn: MSK_ARN }), {
    groupId: 'Stream Processing Prod', query: 'envelope=yes', accept: 'application/json',
  });
  assert.deepEqual(q.diagnostics.map((d) => d.code).sort(), ['PL601', 'PL602', 'PL603']);
  assert.throws(() => pl.check(body, { severity: { PL999: 'error' } }), /unknown rule/);
  assert.throws(() => pl.check(body, { severity: { PL301: 'loud' } }), /PL301/);
  assert.throws(() => pl.check(body, { maxBytes: -1 }), /maxBytes/);
  assert.equal(pl.check('{"provider": "AWS"}', { maxBytes: 4 }).diagnostics[0].code, 'PL004');
});

t('checkValue: an object, no spans', () => {
  const r = pl.checkValue({ provider: 'aws', vendor: 'MSK', arn: '1235711' });
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['PL203', 'PL401']);
  for (const d of r.diagnostics) {
    assert.equal(d.span, null);
    assert.equal(d.start, null);
    assert.equal(d.fix, null);
  }
  assert.equal(pl.checkValue([1, 2]).diagnostics[0].code, 'PL002');
});

t('fieldErrors: keyed by pointer; draft mode is pending, not an error', () => {
  const strict = pl.fieldErrors({ provider: 'AWS', vendor: 'MSK' });
  assert.equal(strict.valid, false);
  assert.equal(strict.fieldErrors['/arn'][0].code, 'PL301');
  assert.equal(strict.fieldErrors['/arn'][0].severity, 'error');
  const draft = pl.fieldErrors({ provider: 'AWS', vendor: 'MSK' }, { draft: true });
  assert.equal(draft.valid, false);
  assert.equal(draft.fieldErrors['/arn'][0].severity, 'pending');
  assert.deepEqual(draft.pending, ['/arn']);
  const bad = pl.fieldErrors({ provider: 'AWS', vendor: 'MSK', arn: '1235711' }, { draft: true });
  assert.equal(bad.fieldErrors['/arn'][0].code, 'PL401');
  assert.equal(bad.fieldErrors['/arn'][0].severity, 'error');
  const sub = pl.fieldErrors({
    provider: 'AWS', vendor: 'CONFLUENT', region: 'us-east-1',
    serviceEndpointId: 'com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9',
    dnsDomain: 'sample.us-east-1.aws.confluent.cloud', dnsSubDomain: ['use1-az1'],
  });
  assert.equal(sub.fieldErrors['/dnsSubDomain'][0].pointer, '/dnsSubDomain/0');
  assert.equal(pl.fieldErrors('{"provider": ').formErrors[0].code, 'PL001');
  assert.equal(pl.fieldErrors({ provider: 'AWS', vendor: 'MSK', arn: MSK_ARN }, { draft: true }).valid, true);
});

t('fix: fixed text, idempotent', () => {
  const f = pl.fix(`{"provider": "aws", "vendor": "msk", "arn": "${MSK_ARN}"}`);
  assert.equal(pl.check(f).valid, true);
  assert.ok(f.includes('"AWS"') && f.includes('"MSK"'));
  assert.equal(pl.fix(f), f);
  assert.equal(pl.fix('{"provider": '), '{"provider": ');
});

t('matrix, combination, rules, explain, schema, version', () => {
  const m = pl.matrix();
  assert.deepEqual(m.providers.map((p) => p.name), ['AWS', 'AZURE', 'GCP']);
  assert.ok(m.providers[0].vendors.includes('MSK'));
  const msk = pl.combination('AWS', 'MSK');
  assert.deepEqual(msk.requires, ['arn']);
  assert.equal(msk.cells.arn.required, true);
  assert.equal(msk.cells.azureResourceIds.cell, 'forbidden');
  const az = pl.combination('azure', 'confluent');
  assert.deepEqual(az.requires, ['region', 'dnsDomain', 'azureResourceIds']);
  assert.ok(az.allows.includes('dnsSubDomain'));
  assert.ok(az.forbids.includes('serviceEndpointId'));
  assert.equal(pl.combination('GCP', 'MSK'), null);
  assert.equal(pl.combination('GCP').vendor, 'GENERIC');
  for (const c of m.combinations) {
    if (c.provider) assert.deepEqual(pl.combination(c.provider, c.vendor), c);
  }
  const rules = pl.rules();
  assert.ok(rules.length >= 30);
  assert.ok(rules.every((r) => /^PL\d{3}$/.test(r.code) && r.docs.length > 0 && r.url));
  assert.equal(pl.explain('PL401').name, 'invalid-arn');
  assert.equal(pl.explain('invalid-arn').code, 'PL401');
  assert.equal(pl.explain('PL999'), null);
  assert.equal(pl.schema().$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(pl.version(), /^\d+\.\d+\.\d+/);
});

t('no input traps the module', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  let deep = 'x';
  for (let i = 0; i < 5000; i++) deep = [deep];
  const weird = [
    undefined, null, 0, -0, NaN, Infinity, true, '', ' ', '\u0000', '\ufeff{}', '\ud800', '"\ud800"',
    '{"provider": "\ud83d"}', '[', ']', '{', '}', '{"a":', '"', '\\', 'null', '1e999999', '-', '[[[[[[[[',
    '['.repeat(100000), '{"a":'.repeat(50000), '{"provider":"AWS"}'.repeat(1000), 'x'.repeat(2 << 20),
    new Uint8Array([0xff, 0xfe, 0x00]), new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    {}, [], [1, 2, 3], { provider: 1 }, { provider: { deep: [1] } }, cyclic, deep, () => 1, Symbol('s'),
    10n, new Date(0), /re/, new Map(), Object.create(null), { toJSON() { throw new Error('boom'); } },
    { toJSON() { return 'x'.repeat(1000); } },
  ];
  for (const w of weird) {
    for (const f of [pl.check, pl.checkValue, pl.fieldErrors]) {
      const r = f(w);
      assert.equal(typeof r.valid, 'boolean');
    }
    assert.equal(typeof pl.fix(w), 'string');
    pl.explain(w);
    pl.combination(w, w);
  }
  // Options of any type: a result or a JS Error, never a trap.
  for (const o of weird) {
    try { pl.check('{}', o); } catch (e) { assert.ok(e instanceof Error, String(e)); }
    try { pl.fieldErrors({}, { draft: o, query: o, severity: o }); } catch (e) { assert.ok(e instanceof Error, String(e)); }
  }
  // Still alive and correct afterwards.
  assert.equal(pl.check(JSON.stringify({ provider: 'AWS', vendor: 'MSK', arn: MSK_ARN })).valid, true);
});

t('random mutations of a payload never trap', () => {
  const base = JSON.stringify({
    provider: 'AWS', vendor: 'CONFLUENT', region: 'us-east-1',
    serviceEndpointId: 'com.amazonaws.vpce.us-east-1.vpce-svc-93da685022ee702a9',
    dnsDomain: 'sample.us-east-1.aws.confluent.cloud', dnsSubDomain: ['use1-az1.sample.us-east-1.aws.confluent.cloud'],
  }, null, 2);
  let seed = 42;
  const rnd = (k) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % k; };
  const alphabet = '{}[]",:\\ \n\tAZaz09-_./😀\u00e9\ud800';
  for (let i = 0; i < 3000; i++) {
    const a = [...base];
    for (let j = 0, m = 1 + rnd(4); j < m; j++) {
      const p = rnd(a.length);
      const op = rnd(3);
      if (op === 0) a.splice(p, 1);
      else if (op === 1) a.splice(p, 0, alphabet[rnd(alphabet.length)]);
      else a[p] = alphabet[rnd(alphabet.length)];
    }
    const s = a.join('');
    const r = pl.check(s);
    for (const d of r.diagnostics) {
      if (d.start) assert.ok(d.start.utf16Offset <= s.length && d.end.utf16Offset <= s.length);
    }
    pl.fix(s);
  }
});

console.log(`api: ${n} groups passed${process.exitCode ? ', SOME FAILED' : ''}`);
