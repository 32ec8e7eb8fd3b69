// Shared e2e fixtures: every test fails if its page requests any origin other than the app's own.
import { test as base, expect } from '@playwright/test';

const LOCAL_SCHEMES = ['data:', 'blob:', 'about:', 'chrome-extension:'];

/** `page` here records every request; after the test, any to another origin fails it. */
export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const foreign: string[] = [];
      page.on('request', (req) => {
        const url = req.url();
        if (LOCAL_SCHEMES.some((s) => url.startsWith(s))) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      // Block them too, so a stray request can't hang a test while waiting for a network we don't have.
      await page.route(
        (url) => !LOCAL_SCHEMES.includes(url.protocol) && url.origin !== origin,
        (route) => route.abort(),
      );
      await use(foreign);
      expect(foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the header badge says a backend is running and returns its name. */
export async function waitForBackend(page: import('@playwright/test').Page): Promise<string> {
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  return (await badge.getAttribute('data-backend')) ?? '';
}
