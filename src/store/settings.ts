import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { EngineId } from '../engines/engine';
import { DEFAULT_ENGINE, isEngineId } from '../engines/registry';

interface SettingsState {
  engine: EngineId;
  setEngine: (engine: EngineId) => void;
}

/** Small preferences only; documents live in IndexedDB. */
export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      engine: DEFAULT_ENGINE,
      setEngine: (engine) => set({ engine }),
    }),
    {
      name: 'loupe-settings',
      version: 1,
      // Unknown or removed engine ids from older versions fall back to the default.
      merge: (persisted, current) => {
        const engine = (persisted as Partial<SettingsState> | undefined)?.engine;
        return { ...current, engine: isEngineId(engine) ? engine : current.engine };
      },
    },
  ),
);

/** `?engine=tesseract` picks the engine for this visit only (used by the benchmark). */
export function engineFromUrl(search: string): EngineId | undefined {
  const value = new URLSearchParams(search).get('engine');
  return isEngineId(value) ? value : undefined;
}
