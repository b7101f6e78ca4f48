import type { Page } from '@playwright/test';

/** A document's row in the list, by file name: the hook scripts outside the suite use too. */
export const row = (page: Page, name: string) => page.locator(`[data-testid=doc-row][data-name="${name}"]`);
