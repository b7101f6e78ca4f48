type Edit = { docId: string; index: number; text: string };

/** Where an edit waits, synchronously, until IndexedDB has it: a reload can end the page before its write commits. */
const JOURNAL_PREFIX = 'loupe-unsaved-edit:';

/**
 * Holds text edits briefly and writes them on a debounce, so typing never waits on IndexedDB;
 * `flush()` writes everything now (on blur, pagehide, before export). Every edit is also kept in a
 * synchronous journal (localStorage) until its write has committed, and `recover()` writes what a
 * reload or a closed tab cut short.
 */
export class EditBuffer {
  private readonly pending = new Map<string, Edit>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly write: (docId: string, index: number, text: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 400,
    private readonly journal: Storage | undefined = globalThis.localStorage,
  ) {}

  set(docId: string, index: number, text: string): void {
    const key = `${docId}\u0000${index}`;
    this.pending.set(key, { docId, index, text });
    this.remember(key, { docId, index, text });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes the edits an earlier page journaled but may not have stored. */
  async recover(): Promise<void> {
    const journal = this.journal;
    if (!journal) return;
    for (let i = journal.length - 1; i >= 0; i--) {
      const name = journal.key(i);
      if (!name?.startsWith(JOURNAL_PREFIX)) continue;
      try {
        const edit = JSON.parse(journal.getItem(name) ?? '') as Edit;
        if (typeof edit.docId === 'string' && Number.isInteger(edit.index) && typeof edit.text === 'string') {
          const key = `${edit.docId}\u0000${edit.index}`;
          if (!this.pending.has(key)) this.pending.set(key, edit);
          continue;
        }
      } catch {
        // A damaged entry is dropped below.
      }
      journal.removeItem(name);
    }
    await this.flush();
  }

  private remember(key: string, edit: Edit): void {
    try {
      this.journal?.setItem(JOURNAL_PREFIX + key, JSON.stringify(edit));
    } catch {
      // A full or disabled localStorage leaves the debounce and the pagehide flush.
    }
  }

  private forget(key: string, written: string): void {
    try {
      const name = JOURNAL_PREFIX + key;
      const kept = this.journal?.getItem(name);
      // A newer edit typed while this one was being written stays journaled.
      if (kept && (JSON.parse(kept) as Edit).text === written) this.journal!.removeItem(name);
    } catch {
      // Nothing to forget.
    }
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const edits = [...this.pending.values()];
    this.pending.clear();
    for (const edit of edits) {
      try {
        await this.write(edit.docId, edit.index, edit.text);
        this.forget(`${edit.docId}\u0000${edit.index}`, edit.text);
      } catch (error) {
        // Keep the edit unless a newer one arrived meanwhile, so the next flush tries again.
        const key = `${edit.docId}\u0000${edit.index}`;
        if (!this.pending.has(key)) this.pending.set(key, edit);
        this.onError(error);
      }
    }
  }
}
