// SPDX-License-Identifier: MIT
// /lint: a pasted response is judged without leaving the page (lint.js asks
// POST /api/v1/lint), with the code's explanation beside the findings; no
// CSP violation, no axe violation; without JavaScript the form posts to /lint.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { AxeBuilder } = require('@axe-core/playwright');
const { setup, newPage, watchProblems, choose, expectScheme } = require('./lib/harness');

const without_allow = [
  'HTTP/1.1 405 Method Not Allowed',
  'Date: Sun, 06 Nov 1994 08:49:37 GMT',
  'Content-Type: text/plain',
  'Content-Length: 19',
  '',
  'Method Not Allowed',
  '',
].join('\r\n');

const ok_with_body = [
  'HTTP/1.1 200 OK',
  'Date: Sun, 06 Nov 1994 08:49:37 GMT',
  'Content-Type: text/plain',
  'Content-Length: 3',
  '',
  'hi',
  '',
].join('\n');

// Records CSP violations from the first script on: the page's own scripts
// must need no 'unsafe-inline' and reach nothing but this origin.
const recordCspViolations = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'}`);
  });
};

function describeViolations(violations) {
  return violations.flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}): ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`));
}

describe('lint page', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  // Opens /lint with JavaScript, counts the main frame's navigations, and
  // after fn checks: still one navigation, no CSP violation, no problems
  // (but the ones `allowed` names).
  async function withLintPage(fn, { allowed = [] } = {}) {
    const { context, page } = await newPage(env);
    const problems = watchProblems(page);
    let navigations = 0;
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });
    try {
      await page.addInitScript(recordCspViolations);
      const res = await page.goto(`${env.base}/lint`);
      assert.equal(res.status(), 200);
      assert.match(res.headers()['content-security-policy'], /script-src 'self'/);
      await fn(page);
      assert.equal(navigations, 1, 'the page never navigated away');
      assert.equal(new URL(page.url()).pathname, '/lint');
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations');
      assert.deepEqual(problems.filter((p) => !allowed.some((a) => p.includes(a))), []);
    } finally {
      await context.close();
    }
  }

  // Clicks and waits for the API's answer, so each check sees the new result.
  async function submitAndWait(page, button) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/lint'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    assert.equal(response.request().method(), 'POST');
    return response;
  }

  it('the example is judged on the page: the MUST finding beside what 405 means', async () => {
    await withLintPage(async (page) => {
      const response = await submitAndWait(page, 'Try an example');
      assert.equal(response.status(), 200);
      const result = page.locator('#lint-result');
      await result.getByRole('heading', { name: 'Result', exact: true }).waitFor();
      // The example landed in the text area, as if pasted.
      assert.match(await page.locator('#response').inputValue(), /^HTTP\/1\.1 405 Method Not Allowed\n/);
      // The finding: strength, rule, section link, message.
      const finding = result.locator('li.finding').first();
      assert.equal(await result.locator('li.finding').count(), 1);
      assert.match(await finding.textContent(), /^MUST required-header · RFC 9110, Section 15\.5\.6/);
      assert.match(await finding.textContent(), /405 without Allow/);
      assert.equal(await finding.getByRole('link').getAttribute('href'),
        'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6');
      assert.equal(await result.locator('.verdict').textContent(), 'Breaks a MUST: 1 MUST.');
      // The explanation beside it, and visible.
      const explain = result.locator('.explain');
      assert.ok(await explain.isVisible());
      assert.equal(await explain.getByRole('heading').textContent(), 'What 405 means');
      const text = await explain.textContent();
      assert.match(text, /Class4xx Client error/);
      assert.match(text, /MeaningThe HTTP method is not supported for this resource\./);
      assert.equal(await explain.getByRole('link', { name: 'More about 405' }).getAttribute('href'), '/codes/405');
      // Beside, not below, on a wide screen.
      const f = await result.locator('li.finding').boundingBox();
      const e = await explain.boundingBox();
      assert.ok(e.x > f.x + f.width - 1, `explanation (x=${e.x}) to the right of the findings (x=${f.x}, w=${f.width})`);
      // Focus moves to the result, for keyboard and screen reader users.
      assert.equal(await page.evaluate(() => document.activeElement.id), 'lint-result-h');
    });
  });

  it('a pasted response is judged on submit, with the method and request headers', async () => {
    await withLintPage(async (page) => {
      await page.locator('#response').fill(without_allow);
      await submitAndWait(page, 'Check response');
      await page.locator('#lint-result-h').waitFor();
      assert.equal(await page.locator('#lint-result .finding code').allTextContents().then((t) => t.join()), 'required-header');

      // Clean under GET; the same bytes answering HEAD carry content they must not.
      await page.locator('#response').fill(ok_with_body);
      await submitAndWait(page, 'Check response');
      await page.locator('#lint-result .verdict', { hasText: 'No findings' }).waitFor();
      await page.locator('#method').selectOption('HEAD');
      await page.locator('#request-headers').fill('Accept-Encoding: gzip\n\n');
      const response = await submitAndWait(page, 'Check response');
      assert.match(new URL(response.url()).search, /method=HEAD&request_header=Accept-Encoding%3A\+gzip$/);
      await page.locator('#lint-result code', { hasText: 'head-body' }).waitFor();
      assert.equal(await page.locator('#lint-result .lint-report').count(), 1);
    });
  });

  // lint.js renders the API's `tunnel` as the page without JavaScript does.
  it('a proxy\'s answer to CONNECT is said to be the tunnel\'s, with JavaScript and without', async () => {
    const tunnel = 'HTTP/1.1 200 Connection established\r\n\r\n' + ok_with_body;
    const fact = 'CONNECT: the proxy\'s tunnel, not the origin\'s response';
    const answersOf = (page) => page.locator('#lint-result dt', { hasText: 'Answers' }).locator('xpath=following-sibling::dd[1]').allTextContents();
    await withLintPage(async (page) => {
      await page.locator('#response').fill(tunnel);
      await submitAndWait(page, 'Check response');
      await page.locator('#lint-result .lint-report').nth(1).waitFor();
      assert.deepEqual(await answersOf(page), [fact]);
    });
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.base}/lint`);
      await page.locator('#response').fill(tunnel);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Check response' }).click()]);
      await page.locator('#lint-result .lint-report').nth(1).waitFor();
      assert.deepEqual(await answersOf(page), [fact]);
    } finally {
      await context.close();
    }
  });

  it('says what to paste when the box is empty, and what was wrong with other text', async () => {
    await withLintPage(async (page) => {
      let asked = 0;
      page.on('request', (r) => { if (r.url().includes('/api/v1/lint')) asked++; });
      await page.getByRole('button', { name: 'Check response' }).click();
      await page.locator('#lint-empty').waitFor({ state: 'visible' });
      assert.match(await page.locator('#lint-empty').textContent(), /^Paste a response first/);
      assert.equal(asked, 0, 'nothing to judge, nothing asked');

      await page.locator('#response').fill('<b>hello</b>');
      const response = await submitAndWait(page, 'Check response');
      assert.equal(response.status(), 400);
      await page.locator('#lint-problem').waitFor();
      assert.match(await page.locator('#lint-problem').textContent(), /^The input is not an HTTP response/);
      assert.ok(await page.locator('#lint-empty').isHidden());
      // The pasted markup stays text.
      assert.equal(await page.locator('#lint-result b').count(), 0);
    }, { allowed: ['HTTP 400', 'status of 400'] });
  });

  it('a response beyond the server\'s body limit (64 KB) gets the 413 sentence, not a silent failure', async () => {
    await withLintPage(async (page) => {
      await page.locator('#response').fill(`HTTP/1.1 200 OK\n\n${'x'.repeat(70000)}`);
      const response = await submitAndWait(page, 'Check response');
      assert.equal(response.status(), 413);
      await page.locator('#lint-problem').waitFor();
      assert.equal(await page.locator('#lint-problem').textContent(),
        'The request body is larger than 65536 bytes.');
    }, { allowed: ['HTTP 413', 'status of 413'] });
  });

  it('without JavaScript, the form posts to /lint and the page shows the same result', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.base}/lint`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/lint' && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Try an example' }).click(),
      ]);
      assert.equal(response.status(), 200);
      await page.locator('#lint-result-h').waitFor();
      assert.match(await page.locator('#lint-result li.finding').textContent(), /^MUST required-header/);
      assert.equal(await page.locator('.explain h4').textContent(), 'What 405 means');
      assert.match(await page.locator('#response').inputValue(), /^HTTP\/1\.1 405 Method Not Allowed\r?\n/);

      // Pasted text with markup in it comes back as text.
      await page.locator('#response').fill('HTTP/1.1 200 <script>alert(1)</script>\r\n\r\n');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Check response' }).click()]);
      await page.locator('#lint-result-h').waitFor();
      assert.match(await page.locator('#lint-result h3').textContent(), /HTTP\/1\.1 200 <script>alert\(1\)<\/script>/);
      assert.equal(await page.locator('#lint-result script').count(), 0);
    } finally {
      await context.close();
    }
  });

  const variants = [
    { name: 'light', colorScheme: 'light', want: 'light' },
    { name: 'dark', colorScheme: 'dark', want: 'dark' },
    { name: 'Dark chosen', colorScheme: 'light', choose: 'Dark', want: 'dark' },
  ];
  for (const v of variants) {
    it(`axe finds no violations, empty and with a result, ${v.name}`, async () => {
      const { context, page } = await newPage(env, { colorScheme: v.colorScheme });
      try {
        await page.goto(`${env.base}/lint`);
        if (v.choose) await choose(page, v.choose);
        await expectScheme(page, v.want);
        let results = await new AxeBuilder({ page }).analyze();
        assert.deepEqual(describeViolations(results.violations), [], 'axe on the empty page');
        await submitAndWait(page, 'Try an example');
        await page.locator('#lint-result-h').waitFor();
        results = await new AxeBuilder({ page }).analyze();
        assert.deepEqual(describeViolations(results.violations), [], 'axe with a result');
        assert.ok(results.passes.length > 10, 'axe ran its rules');
      } finally {
        await context.close();
      }
    });
  }
});
