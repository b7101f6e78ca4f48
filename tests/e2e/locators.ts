import type { Locator, Page } from '@playwright/test';
import type { Quad } from '../../src/pipeline/image/capture/quad';

/** A document's row in the list, by file name: the hook scripts outside the suite use too. */
export const row = (page: Page, name: string) => page.locator(`[data-testid=doc-row][data-name="${name}"]`);

/** What `window.loupe.exportJson()` gives scripts driving the app, in the shape the caller reads. */
export const exportJson = <T>(page: Page) => page.evaluate(() => (window as unknown as { loupe: { exportJson(): Promise<unknown> } }).loupe.exportJson()) as Promise<T>;

/** A page's corners from its `[data-testid=page-corners]` hook, in the original photo's pixels; null when it has none. */
export const cornersOf = async (hook: Locator): Promise<Quad | null> => {
  const raw = await hook.getAttribute('data-corners');
  return raw ? (JSON.parse(raw) as Quad) : null;
};
