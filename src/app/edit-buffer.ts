/**
 * Holds text edits briefly and writes them on a debounce, so typing never waits on IndexedDB;
 * `flush()` writes everything now (on blur, pagehide, before export).
 */
export class EditBuffer {
  private readonly pending = new Map<string, { docId: string; index: number; text: string }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly write: (docId: string, index: number, text: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 400,
  ) {}

  set(docId: string, index: number, text: string): void {
    this.pending.set(`${docId}\u0000${index}`, { docId, index, text });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const edits = [...this.pending.values()];
    this.pending.clear();
    for (const edit of edits) {
      try {
        await this.write(edit.docId, edit.index, edit.text);
      } catch (error) {
        // Keep the edit unless a newer one arrived meanwhile, so the next flush tries again.
        const key = `${edit.docId}\u0000${edit.index}`;
        if (!this.pending.has(key)) this.pending.set(key, edit);
        this.onError(error);
      }
    }
  }
}
