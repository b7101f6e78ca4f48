/**
 * The phone layout's two views, in the browser's history: opening a document pushes an entry with `?doc=<id>`,
 * back (the browser's, or the app's own Back button when installed) returns to the list where it was scrolled,
 * forward reopens it. The desktop layout shows both at once and writes no history.
 */
import { docFromSearch, routeState, urlWithDoc, withListScroll, type ListScroll } from './document-url';
import { useLibrary } from '../store/library';
import { useNavigation } from '../store/navigation';

/** The list's own scroll box (DocumentList), whose offset the page's scroll alone does not keep. */
const LIST_SCROLLER = '.doc-scroll';

export function startDocumentRoute(documentsLoaded: Promise<void>): void {
  show(docFromSearch(location.search));
  addEventListener('popstate', (event) => {
    show(docFromSearch(location.search));
    if (!useNavigation.getState().openId) restoreListScroll(routeState(event.state).listScroll);
  });
  // A document that is not stored (deleted here or in another tab, or a stale link) closes once the list is known.
  const closeIfGone = () => {
    const { openId } = useNavigation.getState();
    if (openId && !useLibrary.getState().documents.some((doc) => doc.id === openId)) closeDocument();
  };
  // Storage that fails to open is main.tsx's to report; the list then stays as it is.
  documentsLoaded.then(
    () => {
      closeIfGone();
      useLibrary.subscribe(closeIfGone);
    },
    () => undefined,
  );
}

function show(id: string | undefined): void {
  useNavigation.setState({ openId: id });
  if (id) useLibrary.setState({ selectedId: id });
}

/** Selects a document; on a phone its view replaces the list, as a step back undoes. */
export function openDocument(id: string): void {
  useLibrary.setState({ selectedId: id });
  const { phone, openId } = useNavigation.getState();
  if (!phone) {
    // The desktop shows the selection beside the list: a `doc` left from the phone layout would reopen a stale one.
    useNavigation.setState({ openId: undefined });
    if (docFromSearch(location.search)) history.replaceState(history.state, '', urlWithDoc(location.href, undefined));
    return;
  }
  if (openId === id) return;
  if (!openId) history.replaceState(withListScroll(history.state, listScroll()), '', location.href);
  history.pushState({ fromList: true }, '', urlWithDoc(location.href, id));
  useNavigation.setState({ openId: id });
  scrollTo(0, 0);
}

/** Back to the list: a step back when the list is the entry before, else the entry itself becomes the list. */
export function closeDocument(): void {
  if (!useNavigation.getState().openId) return;
  const stepBack = useNavigation.getState().phone && routeState(history.state).fromList;
  // Closed at once, so a second close before the popstate arrives does not step back twice.
  useNavigation.setState({ openId: undefined });
  if (stepBack) history.back();
  else history.replaceState(null, '', urlWithDoc(location.href, undefined));
}

function listScroll(): ListScroll {
  return { page: scrollY, list: document.querySelector(LIST_SCROLLER)?.scrollTop ?? 0 };
}

/**
 * The list mounts again with estimated row heights that grow as rows are measured, so an offset may not fit at
 * first: it is set again each frame until it holds (or half a second has passed).
 */
function restoreListScroll(scroll: ListScroll | undefined): void {
  if (!scroll) return;
  let frames = 30;
  const apply = () => {
    const list = document.querySelector(LIST_SCROLLER);
    if (list) list.scrollTop = scroll.list;
    scrollTo(0, scroll.page);
    const held = Math.abs(scrollY - scroll.page) < 2 && (!list || Math.abs(list.scrollTop - scroll.list) < 2);
    if (!held && --frames > 0) requestAnimationFrame(apply);
  };
  requestAnimationFrame(apply);
}
