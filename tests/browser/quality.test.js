// SPDX-License-Identifier: MIT
// No console errors or failed requests, and no axe violations, on the main
// pages in light and dark.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { AxeBuilder } = require('@axe-core/playwright');
const { setup, newPage, choose, watchProblems, expectScheme } = require('./lib/harness');

const pages = ['/', '/codes', '/codes/404', '/lint', '/api'];

// One line per violated rule and node, enough to find and fix it.
function describeViolations(violations) {
  return violations.flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}): ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`));
}

describe('page quality', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  for (const path of pages) {
    it(`${path}: no console errors, no failed requests, no HTTP errors`, async () => {
      const { context, page } = await newPage(env);
      try {
        const problems = watchProblems(page);
        const response = await page.goto(`${env.base}${path}`, { waitUntil: 'load' });
        assert.equal(response.status(), 200);
        // Exercise the scripts too: switch theme, type in the filter.
        await choose(page, 'Dark');
        if (await page.locator('#q').count()) await page.locator('#q').fill('40');
        await page.reload({ waitUntil: 'load' });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  it('an unknown code gets a 404 page with no console errors besides its own status', async () => {
    const { context, page } = await newPage(env);
    try {
      const problems = watchProblems(page);
      const response = await page.goto(`${env.base}/codes/999`);
      assert.equal(response.status(), 404);
      assert.match(await page.locator('h1').textContent(), /not found/i);
      const self = `${env.base}/codes/999`;
      const others = problems.filter((p) => !p.includes(self) &&
        !/^console\.error: Failed to load resource: the server responded with a status of 404/.test(p));
      assert.deepEqual(others, []);
    } finally {
      await context.close();
    }
  });

  // A phone's width: no page may scroll sideways, down to the 320 px of
  // WCAG 1.4.10 (reflow). The constant names of each code
  // (boost::beast::http::status::network_authentication_required) once
  // pushed every code page past 390 px; at 320 px the 4xx table, the header
  // tables of 401 and 407 and the facts of nginx's 494-497 did. Every page
  // the site links to from /codes is checked, so a long name in any code
  // is caught.
  it('no page is wider than a 320 px phone', async () => {
    const { context, page } = await newPage(env, { viewport: { width: 320, height: 800 } });
    try {
      await page.goto(`${env.base}/codes`);
      const linked = await page.$$eval('a[href^="/codes/"]', (as) => as.map((a) => a.getAttribute('href').split('#')[0]));
      // A long search term (a URL pasted into the box) must wrap too, and
      // so must a long path that the 404 page quotes (2200 px wide before).
      const paths = [...new Set([...pages, '/codes/999', ...linked,
        '/codes?q=https://api.example.com/v1/orders/12345/items?status=pending',
        `/codes/${'9'.repeat(60)}`, `/codes/${'x'.repeat(200)}`])];
      assert.ok(paths.length > 60, `${paths.length} pages found`);
      const wide = [];
      for (const path of paths) {
        await page.goto(`${env.base}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${path}: ${width} px`);
      }
      assert.deepEqual(wide, []);
    } finally {
      await context.close();
    }
  });

  // Breaking anywhere is the last resort of 320 px. On a common phone (360
  // px) a table's words wrap between words, identifiers at their "::", "."
  // and "_" and media types at "/": the header-field table once broke
  // "always" into "alway s" at 420 px, and the constant names split
  // "status" and "Continue" mid-word. A word with two line boxes is split.
  it('from 360 px no word of a page is split across two lines', async () => {
    const { context, page } = await newPage(env, { viewport: { width: 360, height: 800 } });
    try {
      await page.goto(`${env.base}/codes`);
      const linked = await page.$$eval('a[href^="/codes/"]', (as) => as.map((a) => a.getAttribute('href').split('#')[0]));
      const paths = [...new Set([...pages, ...linked])];
      assert.ok(paths.length > 60, `${paths.length} pages found`);
      const split = [];
      for (const path of paths) {
        await page.goto(`${env.base}${path}`);
        const words = await page.evaluate(() => {
          const found = [];
          const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('pre, textarea')) continue;
            for (const m of node.data.matchAll(/[A-Za-z]{2,}/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (lines.size > 1) found.push(m[0]);
            }
          }
          return found;
        });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (words.length) split.push(`${path}: ${words.join(', ')}`);
        if (width > 360) split.push(`${path}: ${width} px wide`);
      }
      assert.deepEqual(split, []);
    } finally {
      await context.close();
    }
  });

  // The skip link, once focused, sits where the brand is: it must not hide it.
  it('the focused skip link covers nothing of the header', async () => {
    const { context, page } = await newPage(env);
    try {
      await page.goto(`${env.base}/`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
      const skip = await page.locator('a.skip').boundingBox();
      for (const sel of ['a.brand', 'fieldset.theme']) {
        const b = await page.locator(sel).boundingBox();
        const overlap = skip.x < b.x + b.width && b.x < skip.x + skip.width &&
          skip.y < b.y + b.height && b.y < skip.y + skip.height;
        assert.ok(!overlap, `the skip link ${JSON.stringify(skip)} covers ${sel} ${JSON.stringify(b)}`);
      }
      await page.keyboard.press('Enter');
      assert.equal(new URL(page.url()).hash, '#main');
    } finally {
      await context.close();
    }
  });

  it('the footer links are a navigation landmark with a name', async () => {
    const { context, page } = await newPage(env);
    try {
      await page.goto(`${env.base}/codes/404`);
      const nav = page.locator('footer').getByRole('navigation', { name: 'Site' });
      for (const name of ['HTTP status codes', 'All codes', 'Check a response', 'JSON API']) {
        assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, `footer link "${name}"`);
      }
    } finally {
      await context.close();
    }
  });

  // Light and dark, each reached two ways: the System default under an
  // emulated preference, and the explicit choice against the preference.
  const variants = [
    { name: 'light (System)', colorScheme: 'light', choose: null, want: 'light' },
    { name: 'dark (System)', colorScheme: 'dark', choose: null, want: 'dark' },
    { name: 'Light chosen', colorScheme: 'dark', choose: 'light', want: 'light' },
    { name: 'Dark chosen', colorScheme: 'light', choose: 'dark', want: 'dark' },
  ];
  for (const path of [...pages, '/codes/999']) {
    for (const v of variants) {
      it(`${path}: axe finds no violations, ${v.name}`, async () => {
        const { context, page } = await newPage(env, { colorScheme: v.colorScheme });
        try {
          if (v.choose) await page.addInitScript((t) => localStorage.setItem('theme', t), v.choose);
          await page.goto(`${env.base}${path}`);
          await expectScheme(page, v.want);
          const results = await new AxeBuilder({ page }).analyze();
          assert.deepEqual(describeViolations(results.violations), [], `axe violations on ${path}, ${v.name}`);
          assert.ok(results.passes.length > 10, 'axe ran its rules');
        } finally {
          await context.close();
        }
      });
    }
  }
});
