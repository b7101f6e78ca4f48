import { abortError } from '../engines/engine';

/**
 * How many prepared pages may wait for the reader at once. Rendering runs ahead of recognition by
 * this many pages and no further, so a 500-page scan holds two pages of pixels in memory, not 500.
 */
export const PAGES_AHEAD = 2;

/** A counting semaphore: `acquire` before preparing a page, `release` when the reader has finished one. */
export class PageWindow {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size = PAGES_AHEAD) {
    this.free = size;
  }

  acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(abortError());
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}
