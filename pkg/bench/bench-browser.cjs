// Chromium benchmark: loads pkg/bench/bench.html (served from the repository root on
// 127.0.0.1) in headless Chromium several times; prints init time and per-call figures as JSON.
// Not a test: `node pkg/bench/bench-browser.cjs` (scripts/bench-wasm.sh runs it).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');
const payloads = require('./payloads.cjs');

const root = path.resolve(__dirname, '../..');
(async () => {
  fs.writeFileSync(path.join(__dirname, 'payloads.json'), JSON.stringify(payloads));
  const { serve } = await import(pathToFileURL(path.join(root, 'web-demo/serve.mjs')).href);
  const { server, url } = await serve({ root, port: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privlink-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const page = await context.newPage();
      await page.goto(`${url}pkg/bench/bench.html`);
      await page.waitForFunction(() => window.benchResult, null, { timeout: 120000 });
      runs.push(await page.evaluate(() => window.benchResult));
      await page.close();
    }
    const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const last = runs[runs.length - 1];
    console.log(JSON.stringify({
      userAgent: last.userAgent,
      initMsMedianOf5: med(runs.map((r) => r.initMs)),
      compileMsMedianOf5: med(runs.map((r) => r.compileMs)),
      checkValidUs: last.checkValidUs, checkBrokenUs: last.checkBrokenUs, fieldErrorsUs: last.fieldErrorsUs,
    }, null, 2));
  } finally {
    await context.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.join(__dirname, 'payloads.json'), { force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
