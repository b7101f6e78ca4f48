import { create } from 'zustand';

/** Agrees with app.css's phone block: at this width the list and the open document are two views. */
export const PHONE_QUERY = '(max-width: 700px)';

const media = typeof matchMedia === 'function' ? matchMedia(PHONE_QUERY) : undefined;

interface NavigationState {
  /** The phone layout: one view at a time, a menu for the exports. */
  phone: boolean;
  /** The document the phone layout shows instead of the list, mirrored in the URL's `doc`. */
  openId: string | undefined;
}

export const useNavigation = create<NavigationState>()(() => ({ phone: media?.matches ?? false, openId: undefined }));

media?.addEventListener('change', (event) => useNavigation.setState({ phone: event.matches }));
