import { useEffect, useState } from 'react';
import { useAppShell } from '../store/app-shell';
import { useSettings } from '../store/settings';
import { usePickedModel } from '../store/picked-model';
import { chosenSmolVlm } from '../app/loupe';

/**
 * Whether the SmolVLM engine can start now: online it can always download; offline only a model whose
 * files are all in the cache (or a picked folder) can load. Worked out only while offline, so that an
 * online page never wakes the GPU to ask for an adapter it may not need (and the model stores' code
 * stays out of the first page load).
 */
export function useSmolVlmUsable(): boolean {
  const online = useAppShell((s) => s.online);
  const settings = useSettings((s) => s.smolvlm);
  const folder = usePickedModel((s) => s.folder);
  const gguf = usePickedModel((s) => s.gguf);
  const [offlineUsable, setOfflineUsable] = useState<boolean>();
  useEffect(() => {
    if (online) return;
    let live = true;
    Promise.all([chosenSmolVlm(settings), import('../engines/smolvlm/availability')])
      .then(([chosen, { modelLoadsOffline }]) => modelLoadsOffline(chosen.config))
      .then(
      (usable) => live && setOfflineUsable(usable),
      // A folder not picked again, or no cache at all: the engine would fail, so it is not offered.
      () => live && setOfflineUsable(false),
    );
    return () => {
      live = false;
    };
  }, [online, settings, folder, gguf]);
  return online || offlineUsable !== false;
}
