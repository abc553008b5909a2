// SPDX-License-Identifier: MIT
// Full-page screenshots for people to look at: / in light and dark, a code
// page, the 404 page, and / on a phone. Written to HTTPSTATUS_SCREENSHOT_DIR.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { setup, newPage, config, expectScheme } = require('./lib/harness');

const shots = [
  { file: 'index-light.png', path: '/', colorScheme: 'light' },
  { file: 'index-dark.png', path: '/', colorScheme: 'dark' },
  { file: 'code-404-light.png', path: '/codes/404', colorScheme: 'light' },
  { file: 'code-404-dark.png', path: '/codes/404', colorScheme: 'dark' },
  { file: 'not-found-light.png', path: '/codes/999', colorScheme: 'light' },
  { file: 'index-phone-light.png', path: '/', colorScheme: 'light', viewport: { width: 390, height: 844 } },
];

describe('screenshots', () => {
  let env;
  before(async () => {
    fs.mkdirSync(config.screenshotDir, { recursive: true });
    env = await setup();
  });
  after(async () => { await env?.teardown(); });

  for (const s of shots) {
    it(`${s.file}: ${s.path} in ${s.colorScheme}`, async (t) => {
      const { context, page } = await newPage(env, { colorScheme: s.colorScheme, viewport: s.viewport });
      try {
        await page.goto(`${env.base}${s.path}`);
        await expectScheme(page, s.colorScheme);
        const out = path.join(config.screenshotDir, s.file);
        await page.screenshot({ path: out, fullPage: true });
        assert.ok(fs.statSync(out).size > 5000, `${out} is suspiciously small`);
        t.diagnostic(out);
      } finally {
        await context.close();
      }
    });
  }
});
