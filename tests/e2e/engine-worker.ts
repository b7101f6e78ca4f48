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

/**
 * Records, inside the engine worker, every streamed version of the text it posts to the page; the
 * returned function reads them back.
 */
export async function recordPartials(worker: Worker): Promise<() => Promise<string[]>> {
  await worker.evaluate(() => {
    const scope = self as unknown as { postMessage: (m: { type: string; text?: string }, t?: Transferable[]) => void; partials: string[] };
    const post = scope.postMessage.bind(scope);
    scope.partials = [];
    scope.postMessage = (message, transfer) => {
      if (message.type === 'partial') scope.partials.push(message.text!);
      post(message, transfer);
    };
  });
  return () => worker.evaluate(() => (self as unknown as { partials: string[] }).partials);
}
