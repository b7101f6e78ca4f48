import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { EngineId } from '../engines/engine';
import { DEFAULT_ENGINE, isEngineId } from '../engines/registry';
import { catalogueEntry, catalogueEntryForRepo } from '../engines/smolvlm/catalogue';
import { ggufCatalogueEntry } from '../engines/smolvlm-gguf/catalogue';
import type { SmolVlmChoice } from '../engines/smolvlm/choose';

export type DateOrder = 'auto' | 'DMY' | 'MDY' | 'YMD';
const DATE_ORDERS: DateOrder[] = ['auto', 'DMY', 'MDY', 'YMD'];

/** The current Mistral Medium; the `-latest` alias would move to another model without telling anyone. */
export const DEFAULT_MISTRAL_MODEL = 'mistral-medium-3-5';
/** Mistral's global endpoint and its EU regional one ("Regional Inference" in Mistral's docs). */
export const MISTRAL_ENDPOINTS = { global: 'https://api.mistral.ai', eu: 'https://api.eu.mistral.ai' } as const;

export interface MistralSettings {
  /** Off until the user turns it on; nothing is sent while off. */
  enabled: boolean;
  model: string;
  baseUrl: string;
  /** The key stays in this browser only, and only when the user asks to remember it. */
  apiKey: string;
  rememberKey: boolean;
  /** The user has seen exactly what leaves the device and chose not to be asked before each send. */
  skipPreview: boolean;
}

/** The SmolVLM model to download and how to run it (see src/engines/smolvlm/choose.ts). */
export type SmolVlmSettings = SmolVlmChoice;

/** By default this device's capabilities pick the model, device and precision. */
export const DEFAULT_SMOLVLM: SmolVlmSettings = { model: 'auto', repo: '', host: 'https://huggingface.co', device: 'auto', dtype: 'auto', ggufRepo: '', ggufModel: '', ggufMmproj: '' };

const CHOICES = ['auto', 'custom', 'folder', 'custom-gguf', 'gguf-files'];

/** Settings written before the catalogue named a repo; a known repo becomes its catalogue entry. */
function modelOf(v: Partial<SmolVlmSettings>): string {
  if (typeof v.model === 'string' && (CHOICES.includes(v.model) || catalogueEntry(v.model) || ggufCatalogueEntry(v.model))) return v.model;
  if (typeof v.repo !== 'string' || !v.repo.trim() || v.repo === LEGACY_DEFAULT_REPO) return 'auto';
  return catalogueEntryForRepo(v.repo.trim())?.id ?? 'custom';
}
const LEGACY_DEFAULT_REPO = 'HuggingFaceTB/SmolVLM2-256M-Video-Instruct';

interface SettingsState {
  engine: EngineId;
  smolvlm: SmolVlmSettings;
  setSmolVlm: (patch: Partial<SmolVlmSettings>) => void;
  dateOrder: DateOrder;
  mistral: MistralSettings;
  setEngine: (engine: EngineId) => void;
  setDateOrder: (order: DateOrder) => void;
  setMistral: (patch: Partial<MistralSettings>) => void;
}

const DEFAULT_MISTRAL: MistralSettings = {
  enabled: false,
  model: DEFAULT_MISTRAL_MODEL,
  baseUrl: MISTRAL_ENDPOINTS.global,
  apiKey: '',
  rememberKey: false,
  skipPreview: false,
};

/** Small preferences only; documents live in IndexedDB. */
export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      engine: DEFAULT_ENGINE,
      dateOrder: 'auto',
      mistral: DEFAULT_MISTRAL,
      smolvlm: DEFAULT_SMOLVLM,
      setSmolVlm: (patch) => set((s) => ({ smolvlm: { ...s.smolvlm, ...patch } })),
      setEngine: (engine) => set({ engine }),
      setDateOrder: (dateOrder) => set({ dateOrder }),
      setMistral: (patch) => set((s) => ({ mistral: { ...s.mistral, ...patch } })),
    }),
    {
      name: 'loupe-settings',
      version: 3,
      // Version 2 stored a plain 'q4' as its default precision: capabilities now choose per sub-model.
      migrate: (persisted, version) => {
        const state = (persisted ?? {}) as { smolvlm?: Partial<SmolVlmSettings> };
        if (version < 3 && state.smolvlm?.dtype === 'q4') return { ...state, smolvlm: { ...state.smolvlm, dtype: 'auto' } };
        return state;
      },
      // A key the user did not ask to remember lives in memory only and is gone with the tab.
      partialize: (s) => ({
        engine: s.engine,
        dateOrder: s.dateOrder,
        smolvlm: s.smolvlm,
        mistral: { ...s.mistral, apiKey: s.mistral.rememberKey ? s.mistral.apiKey : '' },
      }),
      // Anything unknown or damaged from older versions falls back to the default.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<SettingsState>;
        const m = (p.mistral ?? {}) as Partial<MistralSettings>;
        const v = (p.smolvlm ?? {}) as Partial<SmolVlmSettings>;
        const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value.trim() : fallback);
        return {
          ...current,
          engine: isEngineId(p.engine) ? p.engine : current.engine,
          dateOrder: DATE_ORDERS.includes(p.dateOrder as DateOrder) ? (p.dateOrder as DateOrder) : current.dateOrder,
          smolvlm: {
            model: modelOf(v),
            repo: typeof v.repo === 'string' ? v.repo.trim() : '',
            host: text(v.host, DEFAULT_SMOLVLM.host),
            device: v.device === 'webgpu' || v.device === 'wasm' ? v.device : 'auto',
            dtype: text(v.dtype, DEFAULT_SMOLVLM.dtype),
            ggufRepo: typeof v.ggufRepo === 'string' ? v.ggufRepo.trim() : '',
            ggufModel: typeof v.ggufModel === 'string' ? v.ggufModel.trim() : '',
            ggufMmproj: typeof v.ggufMmproj === 'string' ? v.ggufMmproj.trim() : '',
          },
          mistral: {
            enabled: m.enabled === true,
            model: text(m.model, DEFAULT_MISTRAL.model),
            baseUrl: text(m.baseUrl, DEFAULT_MISTRAL.baseUrl),
            apiKey: typeof m.apiKey === 'string' ? m.apiKey : '',
            rememberKey: m.rememberKey === true,
            skipPreview: m.skipPreview === true,
          },
        };
      },
    },
  ),
);

/** `?engine=tesseract` picks the engine for this visit only (used by the benchmark). */
export function engineFromUrl(search: string): EngineId | undefined {
  const value = new URLSearchParams(search).get('engine');
  return isEngineId(value) ? value : undefined;
}
