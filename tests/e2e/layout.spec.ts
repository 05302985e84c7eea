import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';

// Every page, for every demo account, at phones', tablets' and desktops'
// widths, and with text at 200 %: nothing sticks out of the window (the document
// never scrolls sideways), every value stays with its term, a phone shows each
// table as cards (nothing to scroll to find an amount, a state or an action),
// and nothing is logged as an error. One browser page per account, resized in
// place, to stay fast.

const WIDTHS = [320, 375, 768, 853, 1280, 1920];
/** The widths at which tables must be whole: cards on a phone, a whole table on a desktop. */
const NO_SCROLLING_TABLE = new Set([320, 375, 1280, 1920]);
/** Text at 200 % (WCAG 1.4.4), at a desktop's and a tablet's width. */
const LARGE_TEXT_WIDTHS = [1280, 768];
const HEIGHT = 900;

/** The app's pages every account opens. A new page goes here, and is then checked for every account. */
const PAGES_FOR_EVERY_ACCOUNT = ['/', '/invoices', '/renewals'];

/** The pages that depend on an account's own orders and bills (demo data, README). */
const ACCOUNT_PAGES: Record<string, string[]> = {
  commune: [
    '/orders/1001/checkout',
    '/orders/1003/mandate', // under review
    '/orders/1004/mandate', // rejected, with a reason full of markup
    '/invoices/FR1000001', // awaiting validation
    '/invoices/FR1000003', // suspended
    '/invoices/FR1000004', // à recycler, its routing to correct
    '/invoices/FR1000007', // overdue
    '/invoices/FR1000012', // paid late
  ],
  hopital: [
    '/orders/2001/checkout',
    '/orders/2002/mandate', // awaiting the signed form (paid by mandate below)
    '/invoices/FR2000003', // suspended
    '/invoices/FR2000012', // paid late
  ],
  entreprise: [
    '/orders/3001/checkout', // the mandate unavailable, with the reason
    '/orders/3001/mandate', // not paid by mandate
    '/invoices/FR3000001', // outside Chorus Pro
  ],
};

/** The sandbox's demo host page, mounting one view of the app through `mount`. */
const HOST_PAGES: Record<string, string[]> = {
  commune: ['/host/?view=checkout&orderId=1001', '/host/?view=invoice&billId=FR1000003'],
  hopital: ['/host/?view=mandate&orderId=2002', '/host/?view=invoices'],
  entreprise: ['/host/?view=orders', '/host/?view=checkout&orderId=3001'],
};

/** Waits until the page shows its content, not a loading state. */
async function settled(page: Page, path: string) {
  if (path.startsWith('/host/')) {
    await expect(page.locator('body')).toHaveAttribute('data-mounted', '');
  }
  await expect(page.locator('.mandat-main').first()).toBeVisible();
  await expect(page.locator('.mandat-main h1, .mandat-main h2').first()).toBeVisible();
  await expect(page.locator('.mandat-loading')).toHaveCount(0);
}

/**
 * What sticks out at the current width: the document scrolling sideways, and
 * each visible element whose box goes past the window's edges, or past the
 * scrolling container (overflow-x auto or scroll) it sits in unless it is part
 * of a table's rows, which may scroll there.
 */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const found: string[] = [];
    if (root.scrollWidth > width) {
      found.push(`the document scrolls sideways: ${root.scrollWidth}px wide for ${width}px`);
    }
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const classes = [...el.classList].map((c) => `.${c}`).join('');
      const test = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${classes}${test ? `[data-testid=${test}]` : ''} «${text}»`;
    };
    const scroller = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const x = getComputedStyle(up).overflowX;
        if (x === 'auto' || x === 'scroll') return up;
      }
      return null;
    };
    // A table's rows may run past their scrolling container; its caption, like
    // any other text, must stay within it (not be read by scrolling sideways).
    const inTableGrid = (el: Element, container: Element) => {
      for (let n: Element | null = el; n && n !== container; n = n.parentElement) {
        const display = getComputedStyle(n).display;
        if (display === 'table-caption') return false;
        if (display === 'table' || display.startsWith('table-')) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.display === 'contents') continue;
      const box = el.getBoundingClientRect();
      // Nothing drawn, or hidden for sight but read by screen readers (1px, clipped),
      // or parked left of the window until focused (a skip link).
      if (box.width <= 1 || box.height <= 1 || box.right <= 0) continue;
      if (style.clip && style.clip !== 'auto') continue;
      const container = scroller(el);
      if (container && inTableGrid(el, container)) continue;
      const [left, right] = container
        ? [container.getBoundingClientRect().left, container.getBoundingClientRect().right]
        : [0, width];
      if (box.left >= left - 0.5 && box.right <= right + 0.5) continue;
      const where = container ? `its scrolling container's ${Math.round(left)}..${Math.round(right)}px` : `${width}px`;
      found.push(`${name(el)} spans ${Math.round(box.left)}..${Math.round(box.right)}px, out of ${where}`);
    }
    return found;
  });
}

/** At a desktop's width, every table is whole: none of their containers has to scroll. */
async function scrollingContainers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} scrolls: ${el.scrollWidth}px of content in ${el.clientWidth}px`),
  );
}

/**
 * Each value that has left its term: a `<dd>` neither beside its `<dt>` (on the
 * same line, after it) nor right under it (starting within its columns). Terms
 * and values in a grid of several columns that wrap one way and the other are
 * read under the wrong terms: this is what it finds.
 */
async function valuesApartFromTerms(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const text = (el: Element) => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    for (const dd of document.querySelectorAll('.mandat dd')) {
      let dt = dd.previousElementSibling;
      while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
      if (!dt) continue;
      const t = dt.getBoundingClientRect();
      const d = dd.getBoundingClientRect();
      if (d.width === 0 || t.width === 0) continue;
      const beside = d.left >= t.right - 1 && d.top < t.bottom && d.bottom > t.top;
      const under = d.top >= t.bottom - 1 && d.top - t.bottom < 24 && d.left >= t.left - 2 && d.left < t.right;
      if (!beside && !under) found.push(`«${text(dd)}» is apart from its term «${text(dt)}»`);
    }
    return found;
  });
}

async function nextFrame(page: Page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

test.beforeAll(async ({ request }) => {
  const reset = await request.post('/sandbox/reset');
  expect(reset.ok()).toBeTruthy();
  // The hospital's 2002 waits for its signed form: the mandate page's upload zone.
  await request.get('/sandbox/login?account=hopital&next=/');
  const paid = await request.post('/api/me/order/2002/pay', {
    data: {
      paymentMethod: { paymentType: 'ADMINISTRATIVE_MANDATE' },
      chorus: { siret: '26765432500013', codeService: '', numeroEngagement: 'EJ-2026-0042' },
    },
  });
  expect(paid.status(), await paid.text()).toBe(200);
});

for (const account of Object.keys(ACCOUNT_PAGES)) {
  test(`${account}: no page overflows or parts a value from its term at ${WIDTHS.join(', ')} px and 200 % text, and none logs an error`, async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(240_000);
    const paths = [...PAGES_FOR_EVERY_ACCOUNT, ...ACCOUNT_PAGES[account], ...HOST_PAGES[account]];
    const problems: string[] = [];
    await page.setViewportSize({ width: 1280, height: HEIGHT });
    await signIn(page, account, paths[0]);
    for (const path of paths) {
      await page.goto(path);
      await settled(page, path);
      const check = async (where: string, scrollingTables: boolean) => {
        await nextFrame(page);
        for (const problem of await overflows(page)) problems.push(`${path} ${where}: ${problem}`);
        for (const problem of await valuesApartFromTerms(page)) problems.push(`${path} ${where}: ${problem}`);
        if (!scrollingTables) {
          for (const problem of await scrollingContainers(page)) problems.push(`${path} ${where}: ${problem}`);
        }
      };
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: HEIGHT });
        await check(`at ${width}px`, !NO_SCROLLING_TABLE.has(width));
      }
      await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
      for (const width of LARGE_TEXT_WIDTHS) {
        await page.setViewportSize({ width, height: HEIGHT });
        await check(`at ${width}px with 200 % text`, true);
      }
      expect(consoleErrors, `errors logged on ${path}`).toEqual([]);
      await page.setViewportSize({ width: WIDTHS[WIDTHS.length - 2], height: HEIGHT });
    }
    expect(problems).toEqual([]);
  });
}
