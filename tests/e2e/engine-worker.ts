import type { Page, Worker } from '@playwright/test';

/** A worker started from a blob: URL (so its URL says nothing), found by its name: one running already, or the next started. */
export function namedWorker(page: Page, name: string): Promise<Worker> {
  return new Promise((resolve) => {
    let found = false;
    const onWorker = async (worker: Worker) => {
      if (found || (await worker.evaluate(() => self.name).catch(() => '')) !== name) return;
      found = true;
      page.off('worker', onWorker);
      resolve(worker);
    };
    page.on('worker', onWorker);
    // The engine worker may be running already: Loupe preloads its engine once the page is idle.
    page.workers().forEach((worker) => void onWorker(worker));
  });
}

/** The engine worker. */
export function engineWorker(page: Page): Promise<Worker> {
  return namedWorker(page, 'loupe-engine');
}
