import * as db from '../db';
import type { PageRecord } from '../db';
import { EngineClient } from '../engines/client';
import type { EngineId } from '../engines/engine';
import { extractFields, openDocument } from '../pages-client';
import { readDocument, type ReaderPorts } from '../reader/read-document';
import { ReadingQueue } from '../reader/queue';
import { isAbortError, LoupeError } from '../errors';
import { useLibrary, withDocument, withoutDoc } from '../store/library';
import { useEngineStatus } from '../store/engine-status';
import { engineFromUrl, useSettings, type SmolVlmSettings } from '../store/settings';
import { chooseModel, type ChosenModel } from '../engines/smolvlm/choose';
import { probeCapabilities, type Capabilities } from '../engines/smolvlm/capabilities';
import { ENGINE_INFO } from '../engines/registry';
import { usePickedModel } from '../store/picked-model';
import { connectAllowed } from '../pwa/connect-policy';
import { ggufDownloadMegabytes } from '../engines/smolvlm-gguf/catalogue';
import { exportFiles, type ExportFormat } from './export-files';
import { downloadBlob } from '../export/download';
import { EditBuffer } from './edit-buffer';
import { DEFAULT_RANGE, type PageRange } from '../reader/page-range';
import { requestPersistence } from '../pwa/storage';
import { documentText } from '../export/formats';
import { reviewReceipt } from '../receipt/review';
import type { Receipt } from '../receipt/schema';
import { receiptFromModelText, type ModelAnswer } from '../receipt/model-answer';
import { blobToPixels } from '../pipeline/image/blob-pixels';
import { followStorage, startLibraryView } from './library-view';
import type { PageCorrection } from '../protocol';
import type { Quad } from '../pipeline/image/capture/quad';
import { AUTO_CORRECTION } from '../pipeline/image/capture/auto-correction';

/**
 * The app's one controller: wires the pages worker, the engine worker, IndexedDB and the stores.
 * UI components call it; it never renders anything.
 */
class Loupe {
  private readonly engine = new EngineClient();
  private loadAbort = new AbortController();
  private readonly preloading = new AbortController();
  /** The load under way, which a second caller for the same engine joins instead of asking the worker again. */
  private loading: { key: string; done: Promise<EngineId> } | undefined;
  /** The latest load asked for: only its outcome is shown, not that of one it overtook. */
  private latestLoad: object | undefined;
  private readonly queue = new ReadingQueue(
    (id, signal) => this.read(id, signal),
    (queue) => useLibrary.setState({ queue }),
  );
  // A corrected text corrects the fields read from it, unless the user already edited the fields by hand.
  private readonly edits = new EditBuffer(
    async (docId, index, text) => {
      await db.setPageEdit(docId, index, text);
      await this.extractFields(docId);
    },
    (error) => this.notify(messageOf(error)),
  );

  private settle: () => void = () => undefined;
  /**
   * Resolves once opening Loupe is over: the engine preloaded (or not wanted) and the documents dropped
   * meanwhile read. Work that can wait, such as the service worker's precache download, waits for it.
   */
  readonly settled = new Promise<void>((resolve) => (this.settle = resolve));

  /** Loads stored documents and resumes any that a reload or closed tab interrupted. */
  async start(): Promise<void> {
    startLibraryView();
    // Text edits a reload or a closed tab cut off before IndexedDB had them.
    await this.edits.recover();
    await this.refresh();
    db.onDbChange((change) => void this.refresh(change.docId));
    addEventListener('pagehide', () => void this.edits.flush());
    addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void this.edits.flush();
    });
    useSettings.subscribe((settings, previous) => {
      if (settings.engine !== previous.engine) {
        // A preload of the engine no longer wanted stops, so the one chosen gets the cores (unless a document joined it).
        if (!this.queue.snapshot.current) this.preloading.abort();
        void this.releaseEngine();
      }
    });
    const unfinished = await db.listUnfinished();
    const opening = unfinished.length ? this.queue.enqueue(unfinished.map((d) => d.id)) : preloadWhenIdle(() => this.preloadEngine());
    void opening.then(() => this.queue.idle()).then(this.settle);
  }

  /**
   * Loads an embedded engine before the first document arrives, so a receipt dropped a moment after opening
   * Loupe is read at once. Its files are part of the app (precached), so nothing is downloaded for it; SmolVLM,
   * whose model may mean a gigabyte, loads only when asked. A failure here is the next document's to report.
   */
  private async preloadEngine(): Promise<void> {
    const wanted = engineFromUrl(location.search) ?? useSettings.getState().engine;
    if (wanted === 'smolvlm' || this.engine.loadedEngine || this.loading || this.queue.snapshot.current) return;
    await this.ensureEngine(this.preloading.signal).catch(() => undefined);
  }

  async addFiles(files: File[]): Promise<void> {
    const ids: string[] = [];
    for (const file of files) {
      try {
        ids.push(await db.addDocument(file));
      } catch (error) {
        this.notify(`${file.name} was not added: ${messageOf(error)}`);
      }
    }
    for (const id of ids) await this.refresh(id);
    if (ids.length) void requestPersistence();
    if (ids[0] && !useLibrary.getState().selectedId) useLibrary.setState({ selectedId: ids[0] });
    void this.queue.enqueue(ids);
  }

  cancel(id: string): void {
    this.queue.cancel(id);
    void this.markCancelled([id]);
  }

  cancelAll(): void {
    void this.markCancelled(this.queue.cancelAll());
  }

  /**
   * Stops a model download. Nothing can be read without the engine, so the documents waiting for it
   * are stopped too, each with a retry that starts the download again (files that arrived whole stay cached).
   */
  cancelEngineLoad(): void {
    this.loadAbort.abort();
    this.loadAbort = new AbortController();
    void this.markCancelled(this.queue.cancelAll(), 'The model download was cancelled. Retry to start it again.');
  }

  /** Retries a document after changing how SmolVLM runs (on WASM after a GPU failure, or a smaller model). */
  async retryWith(id: string, patch: Partial<SmolVlmSettings>): Promise<void> {
    useSettings.getState().setSmolVlm(patch);
    await this.retry(id);
  }

  /** Reads other pages of a long PDF: the pages read so far (and their edits) are replaced by these. */
  async readPages(id: string, range: PageRange): Promise<void> {
    this.queue.cancel(id);
    await db.updateDocument(id, { status: 'queued', error: undefined, pageRange: range, fields: undefined });
    await this.refresh(id);
    void this.queue.enqueue([id]);
  }

  /**
   * Straightens, crops or turns one page and reads that page again; the change is kept on top of the ones before
   * it, so Undo can go back. `change` gets the page's correction now (a photo's is automatic until changed).
   */
  async correctPage(id: string, index: number, change: (current: PageCorrection) => PageCorrection): Promise<void> {
    const doc = await db.getDocument(id);
    if (!doc) return;
    const history = doc.corrections?.[index] ?? [];
    const current = history.at(-1) ?? (doc.kind === 'pdf' ? KEEP_PAGE : AUTO_CORRECTION);
    await this.rereadPage(id, index, [...history, change(current)]);
  }

  /** Takes back the page's last correction and reads the page again as it was before. */
  async undoCorrection(id: string, index: number): Promise<void> {
    const history = (await db.getDocument(id))?.corrections?.[index];
    if (history?.length) await this.rereadPage(id, index, history.slice(0, -1));
  }

  private async rereadPage(id: string, index: number, history: PageCorrection[]): Promise<void> {
    this.queue.cancel(id);
    const doc = await db.getDocument(id);
    if (!doc) return;
    const corrections = { ...doc.corrections };
    if (history.length) corrections[index] = history;
    else delete corrections[index];
    await db.updateDocument(id, { corrections, rereadPage: index, status: 'queued', error: undefined });
    await this.refresh(id);
    void this.queue.enqueue([id]);
  }

  async retry(id: string): Promise<void> {
    await db.updateDocument(id, { status: 'queued', error: undefined });
    await this.refresh(id);
    void this.queue.enqueue([id]);
  }

  async remove(id: string): Promise<void> {
    this.queue.cancel(id);
    await db.deleteDocument(id);
    if (useLibrary.getState().selectedId === id) useLibrary.setState({ selectedId: undefined });
    await this.refresh(id);
  }

  async removeAll(): Promise<void> {
    this.queue.cancelAll();
    await db.deleteAll();
    useLibrary.setState({ selectedId: undefined, progress: {} });
    await this.refresh();
  }

  editPage(docId: string, index: number, text: string): void {
    this.edits.set(docId, index, text);
  }

  flushEdits(): Promise<void> {
    return this.edits.flush();
  }

  loadPages(docId: string): Promise<PageRecord[]> {
    return db.listPages(docId);
  }

  loadPageImage(docId: string, index: number): Promise<Blob | undefined> {
    return db.getPageImage(docId, index);
  }

  /** The page before it was straightened, cropped or turned (the image the corner editor works on). */
  loadPageSource(docId: string, index: number): Promise<Blob | undefined> {
    return db.getPageSourceImage(docId, index);
  }

  async exportDocuments(format: ExportFormat, ids?: string[]): Promise<void> {
    await this.edits.flush();
    const file = await exportFiles(format, ids);
    downloadBlob(file.blob, file.name);
  }

  /** The same JSON the export button downloads, for scripts driving the app (see README). */
  async exportJson(): Promise<unknown> {
    await this.edits.flush();
    const file = await exportFiles('json');
    return JSON.parse(await file.blob.text()) as unknown;
  }

  /** Fields from the document's text, on this device. Hand edits are kept unless the user asks to replace them. */
  async extractFields(id: string, { overwriteEdited = false } = {}): Promise<void> {
    // Extraction runs in the pages worker now: a worker that fails says so instead of leaving the click unanswered.
    await this.storeLocalFields(id, overwriteEdited).catch((error: unknown) => this.notify(`Loupe could not extract the fields again: ${error instanceof Error ? error.message : String(error)}`));
    await this.refresh(id);
  }

  async saveFields(id: string, receipt: Receipt): Promise<void> {
    const doc = await db.getDocument(id);
    if (!doc?.fields) return;
    await db.updateDocument(id, { fields: { ...doc.fields, receipt, edited: true, review: reviewReceipt(receipt) } });
    await this.refresh(id);
  }

  /**
   * Asks the loaded SmolVLM for the receipt's fields straight from the first page's image. The answer
   * passes the same gate as Mistral's (schema, then arithmetic checks); an answer that is no receipt is
   * returned with its issues and stored nowhere, so the local fields stay.
   */
  async readFieldsWithVlm(id: string, signal: AbortSignal): Promise<ModelAnswer> {
    const image = await db.getPageImage(id, 0);
    if (!image) throw new LoupeError('engine-failed', 'This document has no page image for SmolVLM to look at.');
    if (useSettings.getState().engine !== 'smolvlm') throw new LoupeError('engine-failed', 'Choose the SmolVLM engine to read fields from the image.');
    await this.ensureEngine(signal);
    const result = await this.engine.readFields(await blobToPixels(image), { signal });
    const answer = receiptFromModelText(result.text);
    if (answer.receipt && (await db.getDocument(id)))
      await db.updateDocument(id, { fields: { receipt: answer.receipt, source: 'smolvlm', edited: false, review: { ok: answer.ok, issues: answer.issues } } });
    await this.refresh(id);
    return answer;
  }

  notify(message: string): void {
    useLibrary.setState({ notice: message });
  }

  private async storeLocalFields(id: string, overwriteEdited: boolean): Promise<void> {
    const doc = await db.getDocument(id);
    if (!doc || doc.status !== 'done' || (doc.fields?.edited && !overwriteEdited)) return;
    const text = documentText(await db.listPages(id));
    const receipt = await extractFields(text, { dateOrder: useSettings.getState().dateOrder });
    // Fields typed while the worker was extracting are the user's, and a document deleted meanwhile stays deleted.
    const now = await db.getDocument(id);
    if (!now || (now.fields?.edited && !doc.fields?.edited)) return;
    await db.updateDocument(id, { fields: { receipt, source: 'local', edited: false, review: reviewReceipt(receipt) } });
  }

  /**
   * Reloads the document list from storage into the store; with an id, only that document, so a library of
   * thousands is not read and checked again for every page of the one being read.
   */
  async refresh(id?: string): Promise<void> {
    if (id === undefined) useLibrary.setState({ documents: await db.listDocuments() });
    else {
      const doc = await db.getDocument(id);
      useLibrary.setState((s) => ({ documents: withDocument(s.documents, id, doc) }));
    }
    followStorage();
  }

  private async markCancelled(ids: string[], message = 'Reading was cancelled.'): Promise<void> {
    for (const id of ids) {
      const doc = await db.getDocument(id);
      if (doc && (doc.status === 'queued' || doc.status === 'reading')) {
        await db.updateDocument(id, { status: 'failed', error: { message } });
        await this.refresh(id);
      }
    }
  }

  /** One tab reads a document at a time: a second tab that resumes the same queue skips what the first holds. */
  private async read(id: string, signal: AbortSignal): Promise<void> {
    if (!navigator.locks) return this.readUnlocked(id, signal);
    await navigator.locks.request(`loupe-read-${id}`, { ifAvailable: true }, async (lock) => {
      if (lock) await this.readUnlocked(id, signal);
    });
  }

  private async readUnlocked(id: string, signal: AbortSignal): Promise<void> {
    const file = await db.getOriginal(id);
    const doc = await db.getDocument(id);
    // One page read again after a correction replaces only that page; the others and their edits stay.
    const only = doc?.rereadPage;
    const range = only === undefined ? (doc?.pageRange ?? DEFAULT_RANGE) : { from: only + 1, to: only + 1 };
    const corrections = currentCorrections(doc?.corrections);
    if (!file) {
      await db.updateDocument(id, { status: 'failed', error: { message: 'The original file is missing from storage.' } });
      return this.refresh(id);
    }
    // Corners found before stay known when the user's own corners (or the whole page) are read instead.
    const found = new Map((await db.listPages(id)).map((page) => [page.index, page.geometry?.detected]));
    if (only === undefined) await db.deletePages(id);
    await db.updateDocument(id, { status: 'reading', error: undefined });
    await this.refresh(id);
    try {
      const outcome = await readDocument(
        id,
        file,
        this.ports(found),
        signal,
        (progress) => useLibrary.setState((s) => ({ progress: { ...s.progress, [id]: progress } })),
        range,
        corrections,
      );
      await db.updateDocument(id, {
        rereadPage: undefined,
        status: 'done',
        kind: outcome.kind,
        mime: outcome.mime,
        pageCount: outcome.pageCount,
        engine: outcome.engine,
        readMs: outcome.readMs,
      });
      // Fields are a bonus on top of the text: a parser failure must not fail a document that was read.
      // The list is refreshed once, below.
      await this.storeLocalFields(id, false).catch((error: unknown) => console.warn(`Loupe could not extract fields of ${id}`, error));
    } catch (error) {
      const cancelled = isAbortError(error);
      const code = error instanceof LoupeError ? error.code : undefined;
      await db.updateDocument(id, {
        status: 'failed',
        error: { code, message: cancelled ? 'Reading was cancelled.' : messageOf(error) },
      });
      if (!cancelled) console.warn(`Loupe could not read document ${id}`, error);
    } finally {
      useLibrary.setState((s) => ({ progress: withoutDoc(s.progress, id) }));
      await this.refresh(id);
    }
  }

  private ports(found: ReadonlyMap<number, Quad | null | undefined>): ReaderPorts {
    return {
      openDocument: (file, { range, corrections, signal, onOpened, onPage }) =>
        openDocument(file, { range, corrections, signal, onOpened: (info) => onOpened(info.pageCount), onPage }),
      ensureEngine: (signal) => this.ensureEngine(signal),
      recognize: (image, options) => this.engine.recognize(image, options),
      savePage: (docId, page, image, sourceImage) => {
        const detected = page.geometry?.detected ?? found.get(page.index) ?? null;
        const geometry = page.geometry && { ...page.geometry, detected };
        return db.putPage({ docId, ...page, geometry, editedText: null }, image, sourceImage);
      },
    };
  }

  /** A newly chosen engine loads with the next page; the old one's memory is given back now, if idle. */
  private async releaseEngine(): Promise<void> {
    if (!this.engine.loadedEngine || this.queue.snapshot.current) return;
    await this.engine.dispose();
    useEngineStatus.setState({ engine: undefined, state: 'idle', files: {}, loadMs: undefined, loadStages: undefined, error: undefined });
  }

  /**
   * Before a GGUF download (hundreds of megabytes to gigabytes): ask the browser to keep it under storage
   * pressure, and refuse up front, with the figures, when it cannot fit.
   */
  private async makeRoomFor(chosen: ChosenModel, { spaceShortfall, storedGgufBytes }: typeof import('../engines/smolvlm/availability')): Promise<void> {
    if (chosen.config.runtime !== 'gguf' || chosen.config.source.kind !== 'hub') return;
    await requestPersistence().catch(() => false);
    if (!chosen.ggufEntry || !navigator.storage?.estimate) return;
    const { host, repo, model, mmproj } = chosen.config.source;
    const needed = ggufDownloadMegabytes(chosen.ggufEntry) * 1e6 - (await storedGgufBytes(host, repo, [model, mmproj]));
    const shortfall = spaceShortfall(needed, await navigator.storage.estimate());
    if (shortfall) throw new LoupeError('storage-full', shortfall);
  }

  private async ensureEngine(signal: AbortSignal): Promise<EngineId> {
    const wanted = engineFromUrl(location.search) ?? useSettings.getState().engine;
    const chosen = wanted === 'smolvlm' ? await chosenSmolVlm() : undefined;
    const config = chosen?.config;
    if (this.engine.holds(wanted, config)) return wanted;
    const key = JSON.stringify([wanted, config ?? null]);
    if (this.loading?.key === key) return this.loading.done;
    const done = this.loadEngine(wanted, chosen, signal);
    const entry = { key, done };
    this.loading = entry;
    void done.catch(() => undefined).finally(() => {
      if (this.loading === entry) this.loading = undefined;
    });
    return done;
  }

  private async loadEngine(wanted: EngineId, chosen: ChosenModel | undefined, signal: AbortSignal): Promise<EngineId> {
    const config = chosen?.config;
    const label = chosen?.label ?? ENGINE_INFO[wanted].label;
    if (config?.source.kind === 'hub' && !connectAllowed(config.source.host))
      throw new LoupeError('engine-load-failed', `Loupe may connect to ${config.source.host} only after a reload: its Content-Security-Policy allows the hosts set when the page opened. Reload Loupe, then retry.`);
    // The model stores' code is only needed once a SmolVLM loads.
    const availability = config && (await import('../engines/smolvlm/availability'));
    const offlineReady = availability ? await availability.modelLoadsOffline(config!) : true;
    if (!navigator.onLine && !offlineReady)
      throw new LoupeError('engine-load-failed', `${label} is not downloaded yet and this device is offline. Read with an embedded engine, or connect once to download the model.`);
    if (availability && config?.runtime === 'gguf' && config.source.kind === 'hub' && !offlineReady) await this.makeRoomFor(chosen!, availability);
    useEngineStatus.setState({ engine: wanted, state: 'loading', files: {}, error: undefined, loadMs: undefined, loadStages: undefined, label, startedAt: performance.now() });
    const load = {};
    this.latestLoad = load;
    const latest = () => this.latestLoad === load;
    try {
      const { ms: loadMs, stages: loadStages } = await this.engine.load(wanted, {
        config,
        signal: AbortSignal.any([signal, this.loadAbort.signal]),
        onProgress: (p) => {
          if (latest()) useEngineStatus.setState((s) => ({ files: { ...s.files, [p.file]: p }, updatedAt: performance.now() }));
        },
      });
      if (latest()) useEngineStatus.setState({ state: 'ready', loadMs, loadStages });
      return wanted;
    } catch (error) {
      if (latest()) useEngineStatus.setState({ state: isAbortError(error) ? 'idle' : 'failed', error: messageOf(error) });
      throw error;
    }
  }
}

/**
 * Runs `preload` once the page is idle after opening, unless the device asks to save data (a page opened to look
 * at stored receipts then spends nothing on an engine it may not use).
 */
function preloadWhenIdle(preload: () => Promise<void>): Promise<void> {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return Promise.resolve();
  return new Promise((resolve) => {
    const run = () => void preload().finally(resolve);
    if ('requestIdleCallback' in self) requestIdleCallback(run, { timeout: 1500 });
    else setTimeout(run, 200);
  });
}

/** Asked once per page load: every document read asks for the engine's configuration. */
let capabilities: Promise<Capabilities> | undefined;
export function deviceCapabilities(): Promise<Capabilities> {
  capabilities ??= probeCapabilities();
  return capabilities;
}

/** The SmolVLM model the settings and this device's capabilities choose, with a picked folder if any. */
export async function chosenSmolVlm(settings: SmolVlmSettings = useSettings.getState().smolvlm): Promise<ChosenModel> {
  const caps = await deviceCapabilities();
  const chosen = chooseModel(settings, caps, usePickedModel.getState());
  if (settings.model !== 'auto' || chosen.config.runtime !== 'gguf') return chosen;
  // Someone who downloaded the recommended ONNX model before GGUF was recommended keeps it: no new download.
  const onnx = chooseModel({ ...settings, model: chosen.recommendation.onnxModelId }, caps, usePickedModel.getState());
  const { modelLoadsOffline } = await import('../engines/smolvlm/availability');
  if ((await modelLoadsOffline(chosen.config)) || !(await modelLoadsOffline(onnx.config).catch(() => false))) return chosen;
  const kept = `${onnx.label.replace(/ on (WebGPU|WASM)$/, '')} is already downloaded, so it is used instead of downloading ${chosen.label.replace(/ on (WebGPU|WASM)$/, '')}; choose that one to switch.`;
  return { ...onnx, recommendation: { ...onnx.recommendation, reasons: [...onnx.recommendation.reasons, kept] } };
}

/** A PDF page is read as rendered until the user crops or turns it. */
const KEEP_PAGE: PageCorrection = { corners: null, rotation: 0 };

/** The correction each page is read with now: the last one asked for. */
function currentCorrections(history: Record<number, PageCorrection[]> | undefined): Record<number, PageCorrection> {
  const current: Record<number, PageCorrection> = {};
  for (const [index, list] of Object.entries(history ?? {})) {
    const last = list.at(-1);
    if (last) current[Number(index)] = last;
  }
  return current;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const loupe = new Loupe();
