// SPDX-License-Identifier: MIT
// The Light / Dark / System switch: changes the rendered colours, survives a
// reload without a flash, follows prefers-color-scheme live, and works from
// the keyboard.
'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { setup, newPage, choose, bodyBackground, isDark, isLight, expectScheme, watchProblems } = require('./lib/harness');

// Records, from an init script, the theme attribute at the moment <body>
// is parsed: a theme applied later than that would flash the wrong colours.
const recordThemeAtFirstPaint = () => {
  new MutationObserver((_, obs) => {
    if (document.body) {
      window.__themeAtBody = document.documentElement.getAttribute('data-theme');
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

const checked = (page) => page.$eval('input[name="theme"]:checked', (r) => r.value);

describe('theme switch', () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.teardown(); });

  // Runs fn on a fresh page, then checks nothing went wrong in the browser
  // (but for the 404 status of the not-found page itself, when it is visited).
  async function withPage(opts, fn) {
    const { context, page } = await newPage(env, opts);
    const problems = watchProblems(page);
    try {
      await fn(page);
      const expected = (p) => p.includes('/codes/999') && / 404[: ]/.test(p);
      assert.deepEqual(problems.filter((p) => !expected(p)), [], 'console errors or failed requests');
    } finally {
      await context.close();
    }
  }

  it('is a labelled group of Light, Dark and System, with System the default', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${env.base}/`);
      const group = page.getByRole('group', { name: 'Theme' });
      await group.waitFor({ state: 'visible' });
      for (const name of ['Light', 'Dark', 'System']) {
        assert.equal(await group.getByRole('radio', { name, exact: true }).count(), 1, `radio "${name}"`);
      }
      assert.equal(await checked(page), 'system');
    });
  });

  // WCAG 2.1 SC 1.4.11: the edge that shows where an unchosen button is
  // must stand out 3:1 from the page; it was the table-rule colour, 1.45:1
  // in light and 1.92:1 in dark.
  for (const colorScheme of ['light', 'dark']) {
    it(`the buttons' edges contrast 3:1 with the page, ${colorScheme}`, async () => {
      await withPage({ colorScheme }, async (page) => {
        await page.goto(`${env.base}/`);
        const ratio = await page.$eval('label[for="theme-light"]', (label) => {
          const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
          const luminance = ([r, g, b]) => {
            const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
          };
          const edge = luminance(rgb(getComputedStyle(label).borderTopColor));
          const bg = luminance(rgb(getComputedStyle(document.body).backgroundColor));
          return (Math.max(edge, bg) + 0.05) / (Math.min(edge, bg) + 0.05);
        });
        assert.ok(ratio >= 3, `edge contrast ${ratio.toFixed(2)}:1`);
      });
    });
  }

  it('Dark turns a light page dark, and it survives a reload with no flash', async () => {
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.addInitScript(recordThemeAtFirstPaint);
      await page.goto(`${env.base}/`);
      const before = await bodyBackground(page);
      assert.ok(isLight(before), `System under a light preference: body is rgb(${before})`);
      await choose(page, 'Dark');
      await expectScheme(page, 'dark');
      const after = await bodyBackground(page);
      assert.notDeepEqual(after, before, 'Dark changed the body background');
      await page.reload();
      await expectScheme(page, 'dark');
      assert.deepEqual(await bodyBackground(page), after, 'same dark colours after the reload');
      assert.equal(await checked(page), 'dark', 'Dark is still the checked radio after the reload');
      assert.equal(await page.evaluate(() => window.__themeAtBody), 'dark',
        'data-theme="dark" was set before <body> was parsed (no flash of the light theme)');
    });
  });

  it('Light turns a dark page light, and it survives a reload with no flash', async () => {
    await withPage({ colorScheme: 'dark' }, async (page) => {
      await page.addInitScript(recordThemeAtFirstPaint);
      await page.goto(`${env.base}/`);
      const before = await bodyBackground(page);
      assert.ok(isDark(before), `System under a dark preference: body is rgb(${before})`);
      await choose(page, 'Light');
      await expectScheme(page, 'light');
      const after = await bodyBackground(page);
      assert.notDeepEqual(after, before, 'Light changed the body background');
      await page.reload();
      await expectScheme(page, 'light');
      assert.deepEqual(await bodyBackground(page), after, 'same light colours after the reload');
      assert.equal(await checked(page), 'light', 'Light is still the checked radio after the reload');
      assert.equal(await page.evaluate(() => window.__themeAtBody), 'light',
        'data-theme="light" was set before <body> was parsed (no flash of the dark theme)');
    });
  });

  it('the choice also holds on the other pages', async () => {
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.goto(`${env.base}/`);
      await choose(page, 'Dark');
      for (const path of ['/codes', '/codes/404', '/codes/999']) {
        await page.goto(`${env.base}${path}`);
        await expectScheme(page, 'dark');
      }
    });
  });

  // Back to a page that had another theme checked: the browser restores the
  // old radio (form state, or the whole page from the back/forward cache),
  // and the stylesheet's :has(#theme-dark:checked) would paint it dark
  // though the remembered choice is Light.
  it('Back shows the theme chosen last, not the one the page was left with', async () => {
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.goto(`${env.base}/`);
      await choose(page, 'Dark');
      await expectScheme(page, 'dark');
      await Promise.all([page.waitForURL(/\/codes\/404$/), page.locator('main a[href="/codes/404"]').click()]);
      await expectScheme(page, 'dark');
      await choose(page, 'Light');
      await expectScheme(page, 'light');
      await page.goBack();
      assert.equal(new URL(page.url()).pathname, '/');
      await expectScheme(page, 'light');
      assert.equal(await checked(page), 'light', 'Light is the checked radio after Back');
      assert.equal(await page.evaluate(() => localStorage.getItem('theme')), 'light');
    });
  });

  for (const start of ['light', 'dark']) {
    const other = start === 'light' ? 'dark' : 'light';
    it(`System follows prefers-color-scheme live, from ${start} to ${other} and back`, async () => {
      await withPage({ colorScheme: start }, async (page) => {
        await page.goto(`${env.base}/`);
        assert.equal(await checked(page), 'system');
        await expectScheme(page, start);
        await page.emulateMedia({ colorScheme: other });
        await expectScheme(page, other);
        await page.emulateMedia({ colorScheme: start });
        await expectScheme(page, start);
      });
    });
  }

  it('going back to System after Dark follows the preference again, after a reload too', async () => {
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.goto(`${env.base}/`);
      await choose(page, 'Dark');
      await expectScheme(page, 'dark');
      // An explicit choice wins over the preference.
      await page.emulateMedia({ colorScheme: 'light' });
      await expectScheme(page, 'dark');
      await choose(page, 'System');
      await expectScheme(page, 'light');
      await page.reload();
      assert.equal(await checked(page), 'system');
      await expectScheme(page, 'light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectScheme(page, 'dark');
    });
  });

  // Paper is white: Dark, chosen or followed from the system, printed
  // light text on white (the dark rules outweighed the print rule).
  for (const [how, scheme, pick] of [['chosen', 'light', 'Dark'], ['from the system', 'dark', null]]) {
    it(`prints black on white when Dark is ${how}`, async () => {
      await withPage({ colorScheme: scheme }, async (page) => {
        await page.goto(`${env.base}/`);
        if (pick) await choose(page, pick);
        await expectScheme(page, 'dark');
        await page.emulateMedia({ media: 'print' });
        await expectScheme(page, 'light');
        const text = await page.evaluate(() => getComputedStyle(document.body).color);
        assert.equal(text, 'rgb(0, 0, 0)', 'body text prints black');
      });
    });
  }

  it('works from the keyboard: Tab to it, arrows and Space change it', async () => {
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.goto(`${env.base}/`);
      // Tab from the top of the page until focus lands in the switch.
      let focused = null;
      for (let i = 0; i < 10 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => {
          const a = document.activeElement;
          return a && a.name === 'theme' ? a.value : null;
        });
      }
      assert.equal(focused, 'system', 'Tab reaches the switch, on the checked radio (System)');

      // The focused radio shows a visible focus indicator (on its label).
      const ring = await page.evaluate(() => {
        const label = document.querySelector(`label[for="${document.activeElement.id}"]`);
        const s = getComputedStyle(label);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
      });
      assert.ok((ring.style !== 'none' && ring.width > 0) || ring.shadow !== 'none',
        `no visible focus indicator on the focused theme option: ${JSON.stringify(ring)}`);

      const active = () => page.evaluate(() => document.activeElement.value);
      await page.keyboard.press('ArrowLeft');
      assert.equal(await active(), 'dark');
      assert.equal(await checked(page), 'dark');
      await expectScheme(page, 'dark');

      await page.keyboard.press('ArrowLeft');
      assert.equal(await checked(page), 'light');
      await expectScheme(page, 'light');

      await page.keyboard.press('ArrowRight');
      assert.equal(await checked(page), 'dark');
      await expectScheme(page, 'dark');

      await page.keyboard.press('ArrowRight');
      assert.equal(await checked(page), 'system');
      await expectScheme(page, 'light');

      // Space on the focused option keeps it chosen; Enter does not break it.
      await page.keyboard.press('Space');
      assert.equal(await checked(page), 'system');
      await page.keyboard.press('Enter');
      assert.equal(await checked(page), 'system');
      assert.equal(new URL(page.url()).pathname, '/', 'Enter did not navigate away');

      // The choice made with the keyboard is remembered like a click.
      await page.keyboard.press('ArrowLeft');
      await expectScheme(page, 'dark');
      await page.reload();
      await expectScheme(page, 'dark');
      assert.equal(await checked(page), 'dark');
    });
  });

  it('one Tab leaves the switch (a single tab stop)', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${env.base}/`);
      await page.getByRole('radio', { name: 'System', exact: true }).focus();
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement.name || document.activeElement.id);
      assert.notEqual(name, 'theme', 'Tab moved to the next control, not to another theme radio');
    });
  });

  // The switch was hidden without JavaScript; the stylesheet now reads the
  // checked radio itself (:has), so it works for the page at hand, and only
  // remembering the choice needs the script.
  for (const [preference, pick, want] of [['light', 'Dark', isDark], ['dark', 'Light', isLight]]) {
    it(`without JavaScript, ${pick} works on a ${preference} page, and System goes back`, async () => {
      const context = await env.browser.newContext({
        javaScriptEnabled: false, colorScheme: preference, reducedMotion: 'reduce',
        viewport: { width: 1280, height: 800 },
      });
      try {
        const page = await context.newPage();
        await page.goto(`${env.base}/codes/404`);
        const group = page.getByRole('group', { name: 'Theme' });
        assert.ok(await group.isVisible(), 'the switch shows without JavaScript');
        const initial = await bodyBackground(page);
        await choose(page, pick);
        const picked = await bodyBackground(page);
        assert.ok(want(picked), `${pick} without JavaScript: body is rgb(${picked})`);
        await choose(page, 'System');
        assert.deepEqual(await bodyBackground(page), initial, 'System follows the preference again');
      } finally {
        await context.close();
      }
    });
  }
});
