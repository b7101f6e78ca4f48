/**
 * The full-text index over every document's text, merchant and file name (MiniSearch). Words are indexed and
 * asked for by their OCR key, so `coffee` finds the `C0FFEE` OCR read and `cafe` finds `Café`; words of four
 * letters or more also match with one slip (two from eight letters), and the word being typed matches as a
 * prefix. It remembers the version (`updatedAt`) of each document it holds, so a sync re-indexes only what
 * changed, and it round-trips through JSON to be kept in IndexedDB.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { ocrKey } from './ocr-key';

export interface SearchDocument {
  id: string;
  /** The document's `updatedAt` when indexed. */
  version: number;
  name: string;
  merchant: string;
  text: string;
}

type Indexed = Omit<SearchDocument, 'version'>;

const SEARCH: SearchOptions = {
  combineWith: 'AND',
  boost: { merchant: 3, name: 2 },
  // The word being typed is a prefix, unless it is a lone letter after other words (`receipt-0` would otherwise
  // prefix-match every number in the vocabulary); a query of one letter is all prefix.
  prefix: (term, index, terms) => index === terms.length - 1 && (term.length > 1 || terms.length === 1),
  // One slip in a word of four to seven letters, two in a longer one: `golden` must not find `garden`.
  fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : false),
};

const OPTIONS: Options<Indexed> = {
  fields: ['merchant', 'name', 'text'],
  processTerm: (term) => ocrKey(term) || null,
  searchOptions: SEARCH,
};

const FORMAT = 1;
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

export class SearchIndex {
  private constructor(
    private readonly mini: MiniSearch<Indexed>,
    private readonly versions: Map<string, number>,
  ) {}

  static empty(): SearchIndex {
    return new SearchIndex(new MiniSearch(OPTIONS), new Map());
  }

  /** An index kept by `toJSON`; an unreadable or older one gives an empty index, which a sync fills again. */
  static fromJSON(json: string | undefined): SearchIndex {
    if (!json) return SearchIndex.empty();
    try {
      const kept = JSON.parse(json) as { format?: number; versions?: [string, number][]; index?: unknown };
      if (kept.format !== FORMAT || !Array.isArray(kept.versions) || !kept.index) return SearchIndex.empty();
      return new SearchIndex(MiniSearch.loadJSON(JSON.stringify(kept.index), OPTIONS), new Map(kept.versions));
    } catch {
      return SearchIndex.empty();
    }
  }

  /**
   * Drops the words of removed and replaced documents, which MiniSearch only marks as gone: run before the index
   * is stored, so deleted or edited-away text does not stay on the device inside it.
   */
  async compact(): Promise<void> {
    // A vacuum walks every term in timed batches: only worth it when something was removed.
    if (this.mini.dirtCount > 0) await this.mini.vacuum();
  }

  toJSON(): string {
    return JSON.stringify({ format: FORMAT, versions: [...this.versions], index: this.mini });
  }

  get size(): number {
    return this.versions.size;
  }

  /** Of these documents (id and version), those the index lacks or holds in another version, and those it holds that are gone. */
  changes(documents: readonly { id: string; updatedAt: number }[]): { stale: string[]; gone: string[] } {
    const present = new Set(documents.map((d) => d.id));
    return {
      stale: documents.filter((d) => this.versions.get(d.id) !== d.updatedAt).map((d) => d.id),
      gone: [...this.versions.keys()].filter((id) => !present.has(id)),
    };
  }

  put({ version, ...doc }: SearchDocument): void {
    this.remove(doc.id);
    this.mini.add(doc);
    this.versions.set(doc.id, version);
  }

  remove(id: string): void {
    if (!this.versions.has(id)) return;
    this.mini.discard(id);
    this.versions.delete(id);
  }

  /** Ids of the documents matching every word of the query, best first; none for a blank query. */
  search(query: string): string[] {
    const terms = tokenize(query).filter(Boolean);
    if (!terms.length) return [];
    return this.mini.search(terms.join(' ')).map((hit) => hit.id as string);
  }
}
