// End to end in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core),
// against web-demo/ served on 127.0.0.1: AWS + MSK, a failing ARN shows PL401 under the field,
// the corrected ARN makes the form valid, a pasted broken sample shows PL001 at its line, and
// AZURE + CONFLUENT changes the field set. A screenshot of each state goes to OUT_DIR
// (default tests/output/web-demo). The page may not reach anything but 127.0.0.1.
'use strict';
const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');
const pl = require('../dist/node/privlink.js');

const root = path.resolve(__dirname, '../..');
const out = path.resolve(process.env.OUT_DIR || path.join(root, 'tests/output/web-demo'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// MongoDB's broken documentation sample as shipped in examples/ (an unterminated key).
const BROKEN = fs.readFileSync(path.join(root, 'examples/mongodb-docs-aws-confluent-dedicated.json'), 'utf8');
const BROKEN_KEY_LINE = BROKEN.split('\n').findIndex((l) => l.includes('"dnsSubDomain: [')) + 1;
const GOOD_ARN = 'arn:aws:kafka:us-east-1:123456789012:cluster/testing/de8982fa-8222-4e87-8b20-9bf3cdfa1521-2';

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const { serve } = await import(pathToFileURL(path.join(root, 'web-demo/serve.mjs')).href);
  const { server, url } = await serve({ root: path.join(root, 'web-demo'), port: 0 });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'privlink-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1000 },
  });
  const problems = [];
  const external = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(10000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.route('**/*', (r) => {
      const u = new URL(r.request().url());
      if (u.hostname === '127.0.0.1') return r.continue();
      external.push(u.href);
      return r.abort();
    });
    const shot = (name) => page.screenshot({ path: path.join(out, name), fullPage: true });
    const fieldSet = () => page.$$eval('#fields .field', (els) => els.map((e) => [e.dataset.field, e.querySelector('.badge').textContent]));

    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');

    // 1. AWS + MSK: arn (required) and authenticationScheme (optional), from the matrix.
    await page.selectOption('#field-provider', 'AWS');
    await page.selectOption('#field-vendor', 'MSK');
    await page.waitForSelector('#field-arn');
    const msk = pl.combination('AWS', 'MSK');
    const expect = (c) => Object.entries(c.cells).filter(([, x]) => x.accepted).map(([k, x]) => [k, x.required ? (x.cell === 'requiredWarning' ? 'required (warning)' : 'required') : 'optional']);
    assert.deepEqual(await fieldSet(), expect(msk));
    assert.equal(await page.getAttribute('#field-arn', 'aria-invalid'), 'false', 'no shouting before typing');
    assert.equal(await page.getAttribute('#status', 'data-state'), 'pending');
    await shot('01-aws-msk.png');

    // 2. An ARN that fails: PL401 under the ARN field.
    await page.fill('#field-arn', '1235711');
    await page.waitForSelector('#field-arn[aria-invalid="true"]');
    assert.match(await page.textContent('#msg-arn'), /PL401/);
    assert.match(await page.getAttribute('#field-arn', 'aria-describedby'), /\bmsg-arn\b/);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'invalid');
    assert.equal(await page.isDisabled('#copy-curl'), true);
    await shot('02-arn-invalid.png');

    // 3. Corrected: the form is valid; the commands use placeholders, never secrets.
    await page.fill('#field-arn', GOOD_ARN);
    await page.waitForSelector('#status[data-state="valid"]');
    assert.equal(await page.getAttribute('#field-arn', 'aria-invalid'), 'false');
    assert.equal(await page.textContent('#msg-arn'), '');
    assert.deepEqual(JSON.parse(await page.inputValue('#json')), { provider: 'AWS', vendor: 'MSK', arn: GOOD_ARN });
    await page.click('#copy-curl');
    const curl = await page.textContent('#command');
    assert.match(curl, /^curl .*--digest/m);
    assert.match(curl, /groups\/\$\{ATLAS_GROUP_ID\}\/streams\/privateLinkConnections/);
    assert.ok(curl.includes(GOOD_ARN));
    await page.click('#copy-atlas');
    assert.match(await page.textContent('#command'), /atlas api streams createGroupStreamPrivateLinkConnection --groupId "\$\{ATLAS_GROUP_ID\}"/);
    await shot('03-valid.png');

    // 4. Paste MongoDB's broken sample: PL001 at the line the package reports.
    const want = pl.check(BROKEN).diagnostics.find((d) => d.code === 'PL001');
    assert.ok(want && want.start, 'the package reports PL001 with a position');
    await page.fill('#json', BROKEN);
    await page.waitForSelector('#findings li[data-code="PL001"]');
    const at = await page.$eval('#findings li[data-code="PL001"] button.at', (b) => [Number(b.dataset.line), Number(b.dataset.column)]);
    assert.deepEqual(at, [want.start.line, want.start.column]);
    assert.ok(BROKEN_KEY_LINE > 0 && at[0] >= BROKEN_KEY_LINE && at[0] <= BROKEN_KEY_LINE + 1, `PL001 near the unterminated key on line ${BROKEN_KEY_LINE} (reported at ${at[0]})`);
    assert.match(await page.textContent('#json-msg'), new RegExp(`PL001.*line ${want.start.line}, column ${want.start.column}`));
    assert.equal(await page.getAttribute('#json', 'aria-invalid'), 'true');
    await shot('04-pasted-broken-sample.png');

    // A pasted payload that parses updates the form (JSON -> form).
    await page.fill('#json', JSON.stringify({ provider: 'aws', vendor: 'MSK', arn: '1235711' }, null, 2));
    await page.waitForSelector('#field-arn[aria-invalid="true"]');
    assert.equal(await page.inputValue('#field-arn'), '1235711');
    assert.equal(await page.inputValue('#field-provider'), 'AWS');

    // 5. AZURE + CONFLUENT: the field set changes as the matrix says.
    await page.selectOption('#field-provider', 'AZURE');
    await page.selectOption('#field-vendor', 'CONFLUENT');
    await page.waitForSelector('#field-azureResourceIds');
    const az = expect(pl.combination('AZURE', 'CONFLUENT'));
    assert.deepEqual(await fieldSet(), az);
    assert.equal(await page.$('#field-arn'), null);
    assert.deepEqual(JSON.parse(await page.inputValue('#json')), { provider: 'AZURE', vendor: 'CONFLUENT' });
    await shot('05-azure-confluent.png');

    assert.deepEqual(external, [], 'the page reached outside 127.0.0.1');
    assert.deepEqual(problems, []);
    console.log(`browser: 5 states checked in Chromium; screenshots in ${path.relative(root, out)}/`);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
