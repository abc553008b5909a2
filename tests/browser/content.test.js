// SPDX-License-Identifier: MIT
// The page at / shows the seed page faithfully: every row, every heading,
// every line of its text.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { setup, newPage, readSeed } = require('./lib/harness');

const seed = readSeed();
const squash = (s) => s.replace(/\s+/g, ' ').trim();

describe('content of /', () => {
  let env, context, page;
  before(async () => {
    env = await setup();
    ({ context, page } = await newPage(env));
    await page.goto(`${env.base}/`);
  });
  after(async () => {
    await context?.close();
    await env?.teardown();
  });

  it('the seed has rows and headings to check', () => {
    assert.ok(seed.rows.length >= 25, `only ${seed.rows.length} rows parsed from ${seed.file}`);
    assert.ok(seed.headings.length >= 8, `only ${seed.headings.length} headings parsed from ${seed.file}`);
  });

  it('shows exactly the seed rows, in order, as code, name, meaning', async () => {
    const rows = await page.$$eval('main table tbody tr', (trs) => trs.map((tr) => ({
      text: tr.textContent,
      cells: [...tr.cells].map((c) => c.textContent.trim()),
      visible: !!(tr.offsetWidth || tr.offsetHeight),
    })));
    assert.deepEqual(rows.map((r) => r.cells[0]), seed.rows.map((r) => r.code), 'the codes of the table rows');
    for (const [i, want] of seed.rows.entries()) {
      const got = rows[i];
      assert.equal(got.cells.length, 3, `row ${want.code} has ${got.cells.length} cells, want Code, Name, Meaning`);
      assert.equal(got.cells.join(''), want.text, `row ${want.code}: cells are ${JSON.stringify(got.cells)}`);
      assert.equal(got.text.trim(), want.text, `row ${want.code}: text content`);
      assert.ok(got.cells[1] && got.cells[2], `row ${want.code} has an empty name or meaning`);
      assert.ok(got.visible, `row ${want.code} is not visible`);
    }
  });

  it('every code in the tables links to its page', async () => {
    const links = await page.$$eval('main table tbody tr', (trs) =>
      trs.map((tr) => tr.cells[0].querySelector('a')?.getAttribute('href') ?? null));
    assert.deepEqual(links, seed.rows.map((r) => `/codes/${r.code}`));
  });

  it('every table has the Code / Name / Meaning header', async () => {
    const heads = await page.$$eval('main table thead tr', (trs) => trs.map((tr) => tr.textContent.trim()));
    assert.equal(heads.length, 5, 'five class tables');
    for (const h of heads) assert.equal(h, 'CodeNameMeaning');
  });

  it('shows every heading of the seed, at its level', async () => {
    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) =>
      hs.map((h) => ({ level: Number(h.tagName[1]), text: h.textContent.replace(/\s+/g, ' ').trim() })));
    for (const want of seed.headings) {
      const found = headings.find((h) => h.text === want.text);
      assert.ok(found, `heading "${want.text}" is missing; page headings: ${JSON.stringify(headings.map((h) => h.text))}`);
      assert.equal(found.level, want.level, `"${want.text}" is an h${found.level}, want h${want.level}`);
    }
    assert.equal(headings.filter((h) => h.level === 1).length, 1, 'exactly one h1');
  });

  it('shows every line of the seed text', async () => {
    // The header (brand, Light/Dark/System) and main, as one line of text.
    const text = squash(await page.evaluate(() => document.body.textContent));
    const missing = seed.lines.filter((l) => !text.includes(squash(l)));
    assert.deepEqual(missing, [], 'seed lines not found on the page');
  });

  it('has a meaningful title and description', async () => {
    assert.match(await page.title(), /HTTP status codes/);
    const description = await page.getAttribute('meta[name="description"]', 'content');
    assert.ok(description && description.length >= 50, `description: ${description}`);
  });
});
