import { describe, expect, it } from 'vitest';
import { docFromSearch, routeState, urlWithDoc, withListScroll } from '../../../src/app/document-url';

describe('document URL', () => {
  it('opens and closes a document without touching the list query', () => {
    const list = 'https://loupe.test/?q=golden&currency=MYR&engine=paddle';
    const open = urlWithDoc(list, 'doc 1');
    expect(docFromSearch(new URL(open).search)).toBe('doc 1');
    expect(new URL(open).searchParams.get('q')).toBe('golden');
    expect(new URL(open).searchParams.get('engine')).toBe('paddle');
    expect(urlWithDoc(open, undefined)).toBe(list);
  });

  it('replaces the open document rather than adding a second one', () => {
    const url = urlWithDoc(urlWithDoc('https://loupe.test/', 'a'), 'b');
    expect(new URL(url).searchParams.getAll('doc')).toEqual(['b']);
  });

  it('reads no document from a URL without one, or with an empty one', () => {
    expect(docFromSearch('')).toBeUndefined();
    expect(docFromSearch('?q=x')).toBeUndefined();
    expect(docFromSearch('?doc=')).toBeUndefined();
    expect(docFromSearch('?doc=%20')).toBeUndefined();
  });
});

describe('route state', () => {
  it('reads only what it recognizes from any history state', () => {
    expect(routeState(null)).toEqual({});
    expect(routeState('x')).toEqual({});
    expect(routeState({ fromList: 'yes', listScroll: { page: 'a', list: 1 } })).toEqual({});
    expect(routeState({ fromList: true, listScroll: { page: 120, list: 40 }, other: 1 })).toEqual({ fromList: true, listScroll: { page: 120, list: 40 } });
  });

  it('remembers the list scroll and keeps what else the entry holds', () => {
    const state = withListScroll({ other: 1 }, { page: 10, list: 300 });
    expect(state).toEqual({ other: 1, listScroll: { page: 10, list: 300 } });
    expect(routeState(state).listScroll).toEqual({ page: 10, list: 300 });
    expect(withListScroll(null, { page: 0, list: 0 })).toEqual({ listScroll: { page: 0, list: 0 } });
  });
});
