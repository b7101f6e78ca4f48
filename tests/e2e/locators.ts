import type { Page } from '@playwright/test';

/** A document's row in the list, by file name: the hook scripts outside the suite use too. */
export const row = (page: Page, name: string) => page.locator(`[data-testid=doc-row][data-name="${name}"]`);

/** What `window.loupe.exportJson()` gives scripts driving the app, in the shape the caller reads. */
export const exportJson = <T>(page: Page) => page.evaluate(() => (window as unknown as { loupe: { exportJson(): Promise<unknown> } }).loupe.exportJson()) as Promise<T>;
