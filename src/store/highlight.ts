import { create } from 'zustand';
import type { LocatedField } from '../library/field-lines';

interface HighlightState {
  /** The field focused in the form, and the one under the pointer, which shows while it is there. */
  focused: LocatedField | undefined;
  hovered: LocatedField | undefined;
  /** Whether the page images show the box of every line read. */
  showLines: boolean;
}

export const useHighlight = create<HighlightState>()(() => ({ focused: undefined, hovered: undefined, showLines: false }));

/** The field whose boxes the page images highlight. */
export const selectShown = (state: HighlightState) => state.hovered ?? state.focused;
