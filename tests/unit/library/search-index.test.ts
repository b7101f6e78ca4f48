import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../../../src/library/search-index';

const doc = (id: string, over: Partial<SearchDocument> = {}): SearchDocument => ({ id, version: 1, name: `${id}.png`, merchant: '', text: '', ...over });

function indexOf(...docs: SearchDocument[]) {
  const index = SearchIndex.empty();
  docs.forEach((d) => index.put(d));
  return index;
}

describe('search index', () => {
  const index = indexOf(
    doc('a', { merchant: 'Café Müller GmbH', text: 'CAPPUCCINO 3,20\nSUMME EUR 3,20' }),
    doc('b', { merchant: 'CORNER BOOKSHOP SDN BHD', text: 'NOTEBOOK 12.00\nTOTAL RM 12.00', name: 'scan-0042.jpg' }),
    doc('c', { merchant: 'Hardware Depot', text: 'HAMMER 25.00\nC0FFEE MUG 8.00\nTOTAL 33.00' }),
  );

  it('finds words ignoring case and accents', () => {
    expect(index.search('cafe muller')).toEqual(['a']);
    expect(index.search('CAPPUCCINO')).toEqual(['a']);
  });

  it('finds what OCR misread: look-alike letters and digits, and a slip in a longer word', () => {
    expect(index.search('coffee')).toEqual(['c']);
    expect(index.search('bookshp')).toEqual(['b']);
    expect(index.search('notebok')).toEqual(['b']);
    // Two slips in a six-letter word are another word.
    expect(indexOf(doc('g', { merchant: 'Garden Florist' })).search('golden')).toEqual([]);
  });

  it('matches the word being typed as a prefix, and needs every word', () => {
    expect(index.search('hamm')).toEqual(['c']);
    expect(index.search('total hammer')).toEqual(['c']);
    expect(index.search('total cappuccino')).toEqual([]);
    // A lone letter after other words is a word of its own, not a prefix of every word; alone, it is a prefix.
    expect(index.search('total x')).toEqual([]);
    expect(indexOf(doc('n', { text: 'TOTAL 5 ITEMS' }), doc('m', { text: 'TOTAL 50' })).search('total 5')).toEqual(['n']);
    expect(index.search('c')).toEqual(expect.arrayContaining(['a', 'b', 'c']));
  });

  it('searches file names, and ranks a merchant match above a mention in the text', () => {
    expect(index.search('scan 0042')).toEqual(['b']);
    const ranked = indexOf(doc('text', { text: 'paid at DEPOT station' }), doc('merchant', { merchant: 'DEPOT' }));
    expect(ranked.search('depot')).toEqual(['merchant', 'text']);
  });

  it('finds nothing for a blank query or unknown words', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('zebra')).toEqual([]);
  });

  it('tells which documents to index again: new, changed and gone', () => {
    const held = indexOf(doc('a', { version: 5 }), doc('b', { version: 7 }));
    expect(held.changes([{ id: 'a', updatedAt: 5 }, { id: 'b', updatedAt: 8 }, { id: 'n', updatedAt: 1 }])).toEqual({ stale: ['b', 'n'], gone: [] });
    expect(held.changes([{ id: 'a', updatedAt: 5 }])).toEqual({ stale: [], gone: ['b'] });
  });

  it('replaces a document put again, and forgets one removed', () => {
    const edited = indexOf(doc('a', { text: 'APPLE' }));
    edited.put(doc('a', { version: 2, text: 'BANANA' }));
    expect(edited.search('apple')).toEqual([]);
    expect(edited.search('banana')).toEqual(['a']);
    edited.remove('a');
    expect(edited.search('banana')).toEqual([]);
    expect(edited.size).toBe(0);
    edited.remove('never-there');
  });

  it('keeps no word of a removed or replaced document once compacted, as it is before being stored', async () => {
    const held = indexOf(doc('a', { text: 'ZANZIBAR SPICE' }), doc('b', { text: 'APPLE' }));
    held.put(doc('b', { version: 2, text: 'BANANA' }));
    held.remove('a');
    await held.compact();
    const stored = held.toJSON();
    expect(stored).not.toContain('ZANZIBAR');
    expect(stored).not.toContain('APPLE');
    expect(SearchIndex.fromJSON(stored).search('banana')).toEqual(['b']);
  });

  it('round-trips through JSON with its versions, and starts empty from JSON it cannot read', () => {
    const copy = SearchIndex.fromJSON(index.toJSON());
    expect(copy.search('coffee')).toEqual(['c']);
    expect(copy.changes([{ id: 'a', updatedAt: 1 }, { id: 'b', updatedAt: 1 }, { id: 'c', updatedAt: 1 }])).toEqual({ stale: [], gone: [] });
    for (const bad of [undefined, '', '{', '{"format":0}', '{"format":1,"versions":[],"index":{"bad":true}}']) expect(SearchIndex.fromJSON(bad).size).toBe(0);
  });
});
