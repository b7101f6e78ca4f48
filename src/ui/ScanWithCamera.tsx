import { useRef, useState } from 'react';
import { shotFileName } from '../app/camera';
import { CameraCapture } from './CameraCapture';
import { useCaptureMode } from './use-capture-mode';

/** *Scan with camera* where the device has a camera the page can open; else, on a phone, its camera app. */
export function ScanWithCamera({ onFiles }: { onFiles: (files: File[]) => void }) {
  const mode = useCaptureMode();
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  if (mode === 'live')
    return (
      <>
        <button type="button" className="scan-camera" data-testid="scan-camera" onClick={() => setOpen(true)}>
          Scan with camera
        </button>
        {open && <CameraCapture onFiles={onFiles} onClose={() => setOpen(false)} />}
      </>
    );
  if (mode === 'none') return null;
  return (
    <>
      <button type="button" className="scan-camera" onClick={() => input.current?.click()}>
        Take a photo
      </button>
      <input
        ref={input}
        data-testid="camera-file-input"
        type="file"
        accept="image/*"
        capture="environment"
        className="visually-hidden"
        aria-label="Take a photo to read"
        tabIndex={-1}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          // iOS names every camera photo image.jpg; a scan name tells them apart in the list.
          if (files.length) onFiles(files.map((file, i) => new File([file], shotFileName(new Date(file.lastModified), i + 1, file.type), { type: file.type })));
        }}
      />
    </>
  );
}
