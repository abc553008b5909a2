// SPDX-License-Identifier: MIT
// The filter box on / and /codes: narrows the rows as you type, and "/"
// focuses it.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { setup, newPage, watchProblems } = require('./lib/harness');

const visibleRows = (page) => page.$$eval('main tr[data-code]', (trs) =>
  trs.filter((tr) => tr.offsetWidth > 0 || tr.offsetHeight > 0).map((tr) => tr.getAttribute('data-code')));

describe('filter', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  async function withPage(path, fn) {
    const { context, page } = await newPage(env);
    const problems = watchProblems(page);
    try {
      await page.goto(`${env.base}${path}`);
      await fn(page);
      assert.deepEqual(problems, [], 'console errors or failed requests');
    } finally {
      await context.close();
    }
  }

  for (const path of ['/', '/codes']) {
    it(`on ${path}, narrows the rows as you type, key by key`, async () => {
      await withPage(path, async (page) => {
        const all = await visibleRows(page);
        assert.ok(all.length >= 20, `${all.length} rows before filtering`);
        const box = page.getByRole('searchbox', { name: 'Filter codes' });
        await box.click();
        // Typing "4", "40", "404": each key can only narrow the rows.
        let previous = all;
        for (const key of ['4', '0', '4']) {
          await page.keyboard.type(key);
          const typed = await box.inputValue();
          await page.waitForFunction((n) =>
            [...document.querySelectorAll('main tr[data-code]')].filter((tr) => tr.offsetHeight > 0).length < n,
          previous.length);
          const now = await visibleRows(page);
          assert.ok(now.length > 0, `"${typed}" still shows 404`);
          assert.ok(now.every((c) => previous.includes(c)), `"${typed}" only removes rows`);
          previous = now;
        }
        assert.ok(previous.includes('404'), `"404" shows the 404 row: ${previous}`);
        // Every row still shown mentions 404 somewhere.
        const texts = await page.$$eval('main tr[data-code]', (trs) =>
          trs.filter((tr) => tr.offsetHeight > 0).map((tr) => tr.textContent + ' ' + (tr.dataset.aliases || '')));
        for (const t of texts) assert.match(t, /404/);

        // Words from the meaning only, in any case and order.
        await box.fill('Protocols AGREES');
        await page.waitForFunction(() =>
          [...document.querySelectorAll('main tr[data-code]')].filter((tr) => tr.offsetHeight > 0).length === 1);
        assert.deepEqual(await visibleRows(page), ['101']);
        assert.match(await page.locator('#q-count').textContent(), /1 code shown/);

        // A class alone shows the whole class, as /codes?q=4xx does.
        await box.fill('4XX');
        await page.waitForFunction(() =>
          [...document.querySelectorAll('main tr[data-code]')].filter((tr) => tr.offsetHeight > 0)
            .every((tr) => tr.getAttribute('data-code').startsWith('4')));
        const fours = await visibleRows(page);
        assert.deepEqual(fours, all.filter((c) => c.startsWith('4')));

        // Nothing matches: no rows, and the empty class sections hide too.
        await box.fill('zzzz-no-such-code');
        await page.waitForFunction(() =>
          [...document.querySelectorAll('main tr[data-code]')].every((tr) => tr.offsetHeight === 0));
        assert.equal((await visibleRows(page)).length, 0);
        const shownGroups = await page.$$eval('main [data-group]', (gs) => gs.filter((g) => g.offsetHeight > 0).length);
        assert.equal(shownGroups, 0, 'class sections with no matching row are hidden');

        // Clearing the box brings every row back.
        await box.fill('');
        await page.waitForFunction((n) =>
          [...document.querySelectorAll('main tr[data-code]')].filter((tr) => tr.offsetHeight > 0).length === n,
        all.length);
        assert.deepEqual(await visibleRows(page), all);
      });
    });

    it(`on ${path}, "/" focuses the filter box and is not typed into it`, async () => {
      await withPage(path, async (page) => {
        await page.locator('h1').click();
        await page.keyboard.press('/');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
        assert.equal(await page.locator('#q').inputValue(), '');
        await page.keyboard.type('gone');
        await page.waitForFunction(() =>
          [...document.querySelectorAll('main tr[data-code]')].some((tr) => tr.offsetHeight === 0));
        assert.ok((await visibleRows(page)).includes('410'));
        // Inside the box, "/" is just a character.
        await page.keyboard.press('/');
        assert.equal(await page.locator('#q').inputValue(), 'gone/');
      });
    });
  }

  // The box filters the tables of the page at hand; a term only the full
  // registry has ("teapot", the placeholder's own example) hid every table
  // and said "0 codes shown", nothing more.
  for (const [path, term, want] of [['/', 'teapot', '418'], ['/', '102', '102'], ['/codes?q=teapot', '404', '404']]) {
    it(`on ${path}, "${term}" matches no row here: it says so and offers the full search`, async () => {
      await withPage(path, async (page) => {
        const box = page.getByRole('searchbox', { name: 'Filter codes' });
        await box.fill(term);
        await page.waitForFunction(() =>
          [...document.querySelectorAll('main tr[data-code]')].every((tr) => tr.offsetHeight === 0));
        const status = page.locator('#q-count');
        assert.match(await status.textContent(), new RegExp(`No code on this page matches “${term}”`));
        const link = page.getByRole('link', { name: `Search all codes for “${term}”` });
        assert.ok(await link.isVisible(), 'a link to the full search shows');
        assert.equal(await link.getAttribute('href'), `/codes?q=${term}`);
        // Typing on narrows again: the offer follows the box.
        await box.fill('');
        assert.ok(!(await link.isVisible()), 'no offer while the box is empty');
        await box.fill(term);
        await Promise.all([page.waitForURL(new RegExp(`/codes\\?q=${term}$`)), box.press('Enter')]);
        assert.ok((await visibleRows(page)).includes(want), `/codes?q=${term} shows ${want}`);
      });
    });
  }

  // The box reads a vendor's name from its heading, hides the unassigned
  // ranges (no rows to match), and offers the full search while rows are
  // shown too: a row holds its meaning only, the search every description.
  // "nginx" showed 444, 494 and 499 but not 495-497, under a list of
  // unassigned ranges that never hid.
  it('on /codes, a vendor\'s name shows its codes, and only codes', async () => {
    await withPage('/codes', async (page) => {
      const box = page.getByRole('searchbox', { name: 'Filter codes' });
      await box.fill('nginx');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('main tr[data-code]')].filter((tr) => tr.offsetHeight > 0).length < 10);
      assert.deepEqual(await visibleRows(page), ['444', '494', '495', '496', '497', '499']);
      assert.ok(!(await page.locator('#unassigned').isVisible()), 'the unassigned ranges hide');
      const link = page.getByRole('link', { name: 'Search all codes for “nginx”' });
      assert.ok(await link.isVisible(), 'the full search is offered beside the rows');
      await box.fill('');
      assert.ok(await page.locator('#unassigned').isVisible(), 'and come back');
    });
  });

  it('the offer follows the link too, and escapes the term', async () => {
    await withPage('/', async (page) => {
      await page.locator('#q').fill('a&b <c>');
      const link = page.getByRole('link', { name: 'Search all codes for “a&b <c>”' });
      assert.equal(await link.getAttribute('href'), '/codes?q=a%26b%20%3Cc%3E');
      await Promise.all([page.waitForURL(/\/codes\?q=/), link.click()]);
      assert.equal(await page.locator('#q').inputValue(), 'a&b <c>');
    });
  });

  // The count is a live region (role=status): a screen reader announces what
  // changes in it only if the region was in the accessibility tree before,
  // so the empty region is hidden from the eye but not from the tree.
  it('the live count is in the accessibility tree before the first count', async () => {
    await withPage('/', async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const live = nodes.filter((n) => !n.ignored && n.role?.value === 'status');
      assert.equal(live.length, 1, `one status region in the tree: ${JSON.stringify(live.map((n) => n.name))}`);
      const box = await page.locator('#q-count').boundingBox();
      assert.ok(!box || (box.width <= 1 && box.height <= 1), `the empty count takes no room: ${JSON.stringify(box)}`);
      await page.locator('#q').fill('gone');
      assert.match(await page.locator('#q-count').textContent(), /1 code shown/);
      assert.ok((await page.locator('#q-count').boundingBox()).height > 5, 'the count shows once it has text');
    });
  });

  // A right-to-left override in the term must not run on into the page's
  // own words: "Show all codes" still reads left to right.
  it('a term with a right-to-left override stays inside its quotes', async () => {
    await withPage('/codes?q=%E2%80%AE404%20abc', async (page) => {
      const order = await page.locator('p.result a[href="/codes"]').evaluate((a) => {
        const text = a.firstChild;
        const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
        return { first: at(0), last: at(text.length - 1), text: text.data };
      });
      assert.equal(order.text, 'Show all codes');
      assert.ok(order.first < order.last, `"Show all codes" is drawn left to right: S at ${order.first}, s at ${order.last}`);
    });
  });

  it('without JavaScript, the form asks the server: /codes?q=', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.base}/`);
      await page.locator('#q').fill('teapot');
      await Promise.all([page.waitForURL(/\/codes\?q=teapot/), page.locator('#q').press('Enter')]);
      const rows = await visibleRows(page);
      assert.ok(rows.includes('418'), `/codes?q=teapot shows 418: ${rows}`);
      assert.ok(rows.length < 10, `/codes?q=teapot is filtered: ${rows.length} rows`);
    } finally {
      await context.close();
    }
  });
});
