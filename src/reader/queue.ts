export interface QueueState {
  /** Documents waiting, in the order they will be read. */
  waiting: string[];
  current: string | undefined;
  /** Finished (done, failed or cancelled) since the queue last became empty: for overall progress. */
  finished: number;
}

/**
 * Reads documents one after another. Each document's outcome is the worker's business;
 * the queue only guarantees order, one at a time, and that a cancel stops everything queued.
 */
export class ReadingQueue {
  private state: QueueState = { waiting: [], current: undefined, finished: 0 };
  private controller: AbortController | undefined;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly read: (id: string, signal: AbortSignal) => Promise<void>,
    private readonly onChange: (state: QueueState) => void,
  ) {}

  get snapshot(): QueueState {
    return this.state;
  }

  enqueue(ids: string[]): Promise<void> {
    const fresh = ids.filter((id) => id !== this.state.current && !this.state.waiting.includes(id));
    this.update({ waiting: [...this.state.waiting, ...fresh] });
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** Resolves once nothing is being read or waiting, however many documents join meanwhile. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Stops the document being read and drops the rest; returns the ids that were dropped (current first). */
  cancelAll(): string[] {
    const dropped = [...(this.state.current ? [this.state.current] : []), ...this.state.waiting];
    this.update({ waiting: [] });
    this.controller?.abort();
    return dropped;
  }

  /** Removes one document from the queue, stopping it if it is being read. */
  cancel(id: string): void {
    if (this.state.current === id) this.controller?.abort();
    else this.update({ waiting: this.state.waiting.filter((w) => w !== id) });
  }

  private async drain(): Promise<void> {
    for (let next = this.state.waiting[0]; next !== undefined; next = this.state.waiting[0]) {
      this.controller = new AbortController();
      this.update({ current: next, waiting: this.state.waiting.slice(1) });
      try {
        await this.read(next, this.controller.signal);
      } catch {
        // read() records its own failures on the document; the queue moves on.
      }
      this.update({ current: undefined, finished: this.state.finished + 1 });
    }
    this.update({ finished: 0 });
  }

  private update(patch: Partial<QueueState>): void {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }
}
