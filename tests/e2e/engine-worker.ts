import type { Page, Worker } from '@playwright/test';

/** A worker started from a blob: URL (so its URL says nothing), found by its name. */
export function namedWorker(page: Page, name: string): Promise<Worker> {
  return new Promise((resolve) => {
    const onWorker = async (worker: Worker) => {
      if ((await worker.evaluate(() => self.name).catch(() => '')) !== name) return;
      page.off('worker', onWorker);
      resolve(worker);
    };
    page.on('worker', onWorker);
  });
}

/** The engine worker. */
export function engineWorker(page: Page): Promise<Worker> {
  return namedWorker(page, 'loupe-engine');
}
