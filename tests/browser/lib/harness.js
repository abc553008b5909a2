// SPDX-License-Identifier: MIT
// Shared set-up for the browser tests: starts the real server binary on a
// free port, launches Debian's Chromium through playwright-core, and stops
// exactly the processes it started, on success and on failure alike.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const here = path.resolve(__dirname, '..');

// Every path can be overridden from the environment; defaults are relative
// to tests/browser/ so the tests also run from a plain checkout.
const config = {
  bin: path.resolve(here, process.env.HTTPSTATUS_BIN || '../../build/cli/httpstatus'),
  sharedDir: path.resolve(here, process.env.HTTPSTATUS_SHARED_DIR || '../../../shared'),
  screenshotDir: path.resolve(here, process.env.HTTPSTATUS_SCREENSHOT_DIR || '../../build/screenshots'),
  chromium: process.env.CHROME_PATH || '/usr/bin/chromium',
};

// The flags this machine needs: no sandbox (root), no GPU, and no
// background connections (the network outside loopback is closed).
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const START_TIMEOUT_MS = 20000;
const STOP_TIMEOUT_MS = 5000;

// Starts `httpstatus serve --host 127.0.0.1 --port 0` and resolves with
// { url, stop } once it prints `listening on http://HOST:PORT`.
function startServer() {
  if (!fs.existsSync(config.bin)) {
    throw new Error(`server binary not found: ${config.bin} (build it, or set HTTPSTATUS_BIN)`);
  }
  const child = spawn(config.bin, ['serve', '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If this test process dies without running its hooks, take the server
  // with it: kill exactly this child, by its own handle.
  const onExit = () => { try { child.kill('SIGKILL'); } catch (e) { /* gone */ } };
  process.on('exit', onExit);
  // Interrupted (Ctrl-C, or a CTest timeout): stop the server and exit as a
  // signal would. (process.exit also runs Playwright's exit hook, which
  // kills Chromium; Playwright's own SIGTERM handler alone would not exit.)
  const onSignal = (sig) => {
    onExit();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => { stderr += s; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const stop = async () => {
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(resolve, STOP_TIMEOUT_MS, 'timeout'); });
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`server pid ${child.pid} ignored SIGTERM for ${STOP_TIMEOUT_MS} ms; killed`);
    }
  };

  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = async (why) => {
      clearTimeout(timer);
      await stop().catch(() => {});
      reject(new Error(`${why}\nserver: ${config.bin}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail(`server printed no "listening on" line in ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s) => {
      stdout += s;
      const m = /listening on (http:\/\/[^\s]+:(\d+))/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume(); // keep draining so the server never blocks on a full pipe
        resolve({ url: m[1].replace(/\/$/, ''), port: Number(m[2]), pid: child.pid, stop });
      }
    });
    child.once('error', (e) => fail(`could not start the server: ${e.message}`));
    exited.then(({ code, signal }) => fail(`server exited before listening (code ${code}, signal ${signal})`));
  });
}

async function launchBrowser() {
  if (!fs.existsSync(config.chromium)) {
    throw new Error(`Chromium not found at ${config.chromium} (apt-get install chromium)`);
  }
  return chromium.launch({
    executablePath: config.chromium,
    args: chromiumArgs,
    // Each launch gets its own temporary, empty profile directory.
  });
}

// The whole environment of one test file: one server, one browser.
// Use inside node:test's before()/after().
async function setup() {
  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    base: server.url,
    browser,
    server,
    async teardown() {
      const errors = [];
      await browser.close().catch((e) => errors.push(e));
      await server.stop().catch((e) => errors.push(e));
      if (errors.length) throw errors[0];
    },
  };
}

// A fresh context (empty localStorage) with the given emulated colour scheme.
async function newPage(env, { colorScheme = 'light', viewport = { width: 1280, height: 800 } } = {}) {
  const context = await env.browser.newContext({ colorScheme, viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  return { context, page };
}

// Records everything that should never happen on a page: console errors,
// uncaught exceptions, failed requests and HTTP errors on subresources.
//
// One failure is not the page's: Chromium fetches the favicon itself, after
// the load event (which is when page.goto returns), and drops that fetch
// when the page is left, so a test's next goto cancels it (net::ERR_ABORTED)
// about one navigation in twenty here. Only that error is forgiven, and only
// for the favicon: the favicon failing any other way (a reset, a 404), and
// any request of the page's own ending in ERR_ABORTED, is still a problem.
// (The order of Playwright's request events around a navigation varies, so
// "aborted by a later navigation" cannot be told from the events.)
function watchProblems(page) {
  const problems = [];
  const browsersOwnFetchDropped = (r) =>
    r.failure()?.errorText === 'net::ERR_ABORTED' && new URL(r.url()).pathname === '/favicon.svg';
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()} (${m.location().url || 'inline'})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!browsersOwnFetchDropped(r)) problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

// The seed page, parsed: its table rows and its headings.
function readSeed() {
  const file = path.join(config.sharedDir, 'seed', 'http-status-codes-page.txt');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  // A row is a line that starts with three digits followed by a character
  // that is neither a digit nor a space: code, name and meaning run together.
  // ("301 vs 302…" has a space after the digits, so it is not a row.)
  const rows = lines.filter((l) => /^\d{3}[^\d\s]/.test(l)).map((l) => ({ code: l.slice(0, 3), text: l }));
  const title = lines[lines.findIndex((l) => l.startsWith('Updated ')) + 2];
  const headings = [{ level: 1, text: title }];
  for (const l of lines) {
    if (/^[1-5]xx — /.test(l) || l === 'References' || l === 'Questions') headings.push({ level: 2, text: l });
    else if (/\?$/.test(l)) headings.push({ level: 3, text: l });
  }
  return { file, text, lines: lines.filter(Boolean), rows, headings };
}

// The rendered background colour of <body>, as [r, g, b].
async function bodyBackground(page) {
  const s = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(s);
  if (!m) throw new Error(`unexpected background colour: ${s}`);
  return m.slice(1, 4).map(Number);
}

// Relative luminance (WCAG) of an [r, g, b] colour, 0 (black) to 1 (white).
function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const isDark = (rgb) => luminance(rgb) < 0.2;
const isLight = (rgb) => luminance(rgb) > 0.6;

// Waits until <body>'s background is dark (or light): the switch may act
// through a CSS transition or a script, so poll rather than sample once.
async function expectScheme(page, want) {
  await page.waitForFunction((w) => {
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(document.body).backgroundColor);
    if (!m) return false;
    const lin = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    const l = 0.2126 * lin(+m[1]) + 0.7152 * lin(+m[2]) + 0.0722 * lin(+m[3]);
    return w === 'dark' ? l < 0.2 : l > 0.6;
  }, want, { timeout: 3000 }).catch(async () => {
    throw new Error(`expected a ${want} page, body background is rgb(${(await bodyBackground(page)).join(', ')})`);
  });
}

// Picks a theme the way a mouse user does: a click on the visible label
// (the radio itself is visually hidden), then checks the radio took it.
async function choose(page, name) {
  const radio = page.getByRole('radio', { name, exact: true });
  const id = await radio.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  if (!(await radio.isChecked())) throw new Error(`clicking the "${name}" label did not check its radio`);
}

module.exports = {
  config, choose, chromiumArgs, setup, newPage, watchProblems, readSeed,
  bodyBackground, luminance, isDark, isLight, expectScheme,
};
