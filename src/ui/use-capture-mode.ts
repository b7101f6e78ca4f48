import { useEffect, useState } from 'react';
import { captureMode, hasVideoInput, type CaptureMode } from '../app/camera';

/** How this device can take a photo now; a camera plugged in or out (`devicechange`) is noticed. */
export function useCaptureMode(): CaptureMode {
  const [videoInput, setVideoInput] = useState<boolean>();
  useEffect(() => {
    const devices = navigator.mediaDevices;
    if (typeof devices?.enumerateDevices !== 'function') return;
    let current = true;
    const check = () =>
      void devices.enumerateDevices().then(
        (list) => current && setVideoInput(hasVideoInput(list)),
        () => current && setVideoInput(false),
      );
    check();
    devices.addEventListener('devicechange', check);
    return () => {
      current = false;
      devices.removeEventListener('devicechange', check);
    };
  }, []);
  return captureMode({
    getUserMedia: typeof navigator.mediaDevices?.getUserMedia === 'function',
    videoInput,
    coarsePointer: matchMedia('(pointer: coarse)').matches,
  });
}
