import type { Page, Worker } from '@playwright/test';

/** The engine worker, started from a blob: URL (so its URL says nothing): found by its name, loupe-engine. */
export function engineWorker(page: Page): Promise<Worker> {
  return new Promise((resolve) => {
    const onWorker = async (worker: Worker) => {
      if ((await worker.evaluate(() => self.name).catch(() => '')) !== 'loupe-engine') return;
      page.off('worker', onWorker);
      resolve(worker);
    };
    page.on('worker', onWorker);
  });
}
