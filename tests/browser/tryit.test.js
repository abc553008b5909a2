// SPDX-License-Identifier: MIT
// The "Try it" commands of the code pages: with JavaScript they name the
// server the page came from, and each one, run as printed, gets the code
// (and the meaning) its page is about from the mock.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { setup, newPage, watchProblems } = require('./lib/harness');

// The commands of a page, as shown (and as the Copy button copies them).
const commands = (page) => page.$$eval('section[aria-labelledby="try"] pre code',
  (cs) => cs.map((c) => ({ id: c.id, text: c.textContent })));

// Runs a command as a person pastes it into a shell. A WebSocket stays
// open after its 101, so every run is bounded; what curl printed by then
// is what the person saw.
function run(command) {
  const r = spawnSync('sh', ['-c', command], { encoding: 'utf8', timeout: 4000 });
  return { out: r.stdout || '', err: r.stderr || '', status: r.status };
}

// The status lines curl -i printed, in order ("101", "200").
const statusLines = (out) => [...out.matchAll(/^HTTP\/1\.1 (\d{3})([^\r\n]*)/gm)].map((m) => ({ code: m[1], reason: m[2].trim() }));

describe('try it', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  it('names this server when JavaScript runs, localhost:8080 without it', async () => {
    const { context, page } = await newPage(env);
    const problems = watchProblems(page);
    try {
      await page.goto(`${env.base}/codes/404`);
      assert.deepEqual((await commands(page)).map((c) => c.text), [`curl -i ${env.base}/status/404`]);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
    const plain = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await plain.newPage();
      await page.goto(`${env.base}/codes/404`);
      assert.deepEqual((await commands(page)).map((c) => c.text), ['curl -i http://localhost:8080/status/404']);
    } finally {
      await plain.close();
    }
  });

  // Every code page: each command, run, answers with the page's code; on a
  // page with several meanings (nginx's and Esri's 499), one command per
  // meaning, each answered with that meaning's reason phrase.
  it('every command gets what its page is about', async () => {
    const { context, page } = await newPage(env);
    try {
      await page.goto(`${env.base}/codes`);
      const paths = [...new Set(await page.$$eval('main a[href^="/codes/"]', (as) => as.map((a) => a.getAttribute('href'))))];
      assert.ok(paths.length > 60, `${paths.length} code pages`);
      const wrong = [];
      for (const path of paths) {
        const code = path.split('/').pop();
        await page.goto(`${env.base}${path}`);
        // The status line of each entry's example response (IANA's, then
        // each vendor's): the command for that entry must get the same. An
        // entry no server sends (nginx's 499) has no example, only its
        // note; its command must get the code, whatever the phrase.
        const cmds = await commands(page);
        const wants = (await page.$$eval('main pre code, main p.off-the-wire', (es) => es.map((e) => (e.tagName === 'P' ? null : e.textContent))))
          .map((t) => (t === null ? [null, null] : /^HTTP\/1\.1 \d{3} ?([^\n]*)/.exec(t))).filter(Boolean).map((m) => m[1]);
        if (cmds.length !== wants.length) { wrong.push(`${path}: ${cmds.length} commands for ${wants.length} entries`); continue; }
        for (const [i, c] of cmds.entries()) {
          if (!c.text.includes(env.base)) wrong.push(`${path}: ${c.text} does not name ${env.base}`);
          const { out, err } = run(c.text);
          const lines = statusLines(out);
          if (code === '444') {
            // nginx's 444 closes the connection without any response.
            if (lines.length || !/Empty reply from server/.test(err)) wrong.push(`${path}: ${c.text} -> ${JSON.stringify(lines)} ${err.trim()}`);
            continue;
          }
          const hit = lines.find((l) => l.code === code);
          if (!hit) { wrong.push(`${path}: ${c.text} -> ${JSON.stringify(lines)} ${err.trim()}`); continue; }
          if (wants[i] !== null && hit.reason !== wants[i]) wrong.push(`${path}: ${c.text} -> "${hit.reason}", the page says "${wants[i]}"`);
        }
      }
      assert.deepEqual(wrong, []);
    } finally {
      await context.close();
    }
  });
});
