import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

/** Console lines that are the browser reporting an HTTP status the test asked for. */
const expectedNoise = [/Failed to load resource: the server responded with a status of (40\d|41\d|5\d\d)/];

type Fixtures = {
  /** Every uncaught exception and console error the page produced; checked after each test. */
  consoleErrors: string[];
};

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      page.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'error' && !expectedNoise.some((re) => re.test(text))) {
          errors.push(`console.error: ${text}`);
        }
        if (/panicked at|RuntimeError|unreachable/.test(text)) {
          errors.push(`panic: ${text}`);
        }
      });
      await use(errors);
      expect(errors, 'the page logged errors or panicked').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Takes out of `consoleErrors` the network errors the browser logged for
 * connections the test itself cut or refused; returns how many there were.
 * Whatever else was logged still fails the test.
 */
export function acceptNetworkErrors(consoleErrors: string[], pattern: RegExp): number {
  const kept = consoleErrors.filter((e) => !pattern.test(e));
  const accepted = consoleErrors.length - kept.length;
  consoleErrors.splice(0, consoleErrors.length, ...kept);
  return accepted;
}

/**
 * Moves the page's clock (installed with `page.clock.install()`) `ms` on, firing
 * the timers due, then makes one request of its own: a request those timers
 * started has been seen by then, so that a test can say none was.
 */
export async function runTimersFor(page: Page, ms: number) {
  await page.clock.runFor(ms);
  await page.evaluate(() => fetch('/sandbox/accounts').then((r) => r.text()));
}

/** Signs in to the sandbox as a demo account and lands on `next`. */
export async function signIn(page: Page, account: string, next: string) {
  await page.goto(`/sandbox/login?account=${encodeURIComponent(account)}&next=${encodeURIComponent(next)}`);
}

/** Runs axe-core for WCAG 2.1 A and AA on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** A day as the app writes it in French: `1er avril 2026`, `5 décembre 2026`. */
export function frDay(iso: string): string {
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${months[m - 1]} ${y}`;
}

/** Euros as fr-FR's Intl writes them: the app must agree with the browser's own rules. */
export function euros(value: number, locale = 'fr-FR'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value);
}
