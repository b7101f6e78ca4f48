import { useEffect, useRef, useState } from 'react';
import { cameraErrorMessage, shotFileName, torchSupported } from '../app/camera';
import { openCamera, setTorch, stopStream, takeShot } from '../app/camera-stream';
import './camera-capture.css';

type Opened = { session: number; stream: MediaStream } | { session: number; error: string };
type Shot = { file: File; url: string; number: number };

/**
 * The capture view: a live preview of the rear camera, a shutter for as many shots as a long receipt or
 * a pile of them needs, and *Done* to read them. The camera is on only while this is open and the page shown.
 */
export function CameraCapture({ onFiles, onClose }: { onFiles: (files: File[]) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const shutter = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const urls = useRef(new Set<string>());
  const numbered = useRef(0);
  const shooting = useRef(false);
  // A new session on every retry and every hide or show of the page: the effect below opens the camera per session.
  const [session, setSession] = useState(0);
  const [opened, setOpened] = useState<Opened>();
  const [torch, setTorchState] = useState<{ stream: MediaStream; on: boolean }>();
  const [shots, setShots] = useState<Shot[]>([]);
  const [note, setNote] = useState('');

  const current = opened?.session === session ? opened : undefined;
  const stream = current && 'stream' in current ? current.stream : undefined;
  const track = stream?.getVideoTracks()[0];
  const torchHere = torch?.stream === stream ? torch : undefined;

  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    const seen = urls.current;
    return () => seen.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  useEffect(() => {
    const change = () => setSession((n) => n + 1);
    document.addEventListener('visibilitychange', change);
    return () => document.removeEventListener('visibilitychange', change);
  }, []);

  useEffect(() => {
    if (document.visibilityState === 'hidden') return;
    let live = true;
    let mine: MediaStream | undefined;
    openCamera().then(
      (opening) => {
        mine = opening;
        if (!live) return stopStream(opening);
        setOpened({ session, stream: opening });
        // A camera unplugged or taken by another app ends its track; our own stop() does not fire this.
        opening.getVideoTracks()[0]?.addEventListener('ended', () => live && setOpened({ session, error: 'The camera stopped. Try again, or add photos with choose files.' }));
      },
      (error: unknown) => live && setOpened({ session, error: cameraErrorMessage(error) }),
    );
    return () => {
      live = false;
      stopStream(mine);
    };
  }, [session]);

  useEffect(() => {
    const preview = video.current;
    if (!preview) return;
    preview.srcObject = stream ?? null;
    if (!stream) return;
    preview.play().catch(() => undefined);
    // The dialog focused Cancel while the shutter was disabled; once the camera runs, Enter should take a photo.
    if (document.activeElement === cancel.current) shutter.current?.focus();
  }, [stream]);

  const close = () => {
    stopStream(stream);
    dialog.current?.close();
  };

  const shoot = async () => {
    if (!track || !video.current || shooting.current) return;
    shooting.current = true;
    setNote('Taking the photo…');
    try {
      const blob = await takeShot(track, video.current, torchHere?.on === true);
      const number = ++numbered.current;
      const file = new File([blob], shotFileName(new Date(), number, blob.type), { type: blob.type || 'image/jpeg' });
      const url = URL.createObjectURL(file);
      urls.current.add(url);
      setShots((taken) => [...taken, { file, url, number }]);
      setNote(`Shot ${number} taken.`);
    } catch (error) {
      setNote(`The photo could not be taken: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      shooting.current = false;
    }
  };

  const remove = (shot: Shot, button: HTMLButtonElement) => {
    // The removed button takes focus with it: hand it to the next shot's, the previous one's, or the shutter.
    const buttons = [...(button.closest('ol')?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(button);
    (buttons[at + 1] ?? buttons[at - 1] ?? shutter.current)?.focus();
    URL.revokeObjectURL(shot.url);
    urls.current.delete(shot.url);
    setShots((taken) => taken.filter((other) => other !== shot));
    setNote(`Shot ${shot.number} removed.`);
  };

  const switchTorch = async () => {
    if (!track || !stream) return;
    const on = !torchHere?.on;
    try {
      await setTorch(track, on);
      setTorchState({ stream, on });
    } catch {
      setNote('The torch could not be switched.');
    }
  };

  const status = !current
    ? 'Starting the camera…'
    : 'error' in current
      ? current.error
      : note || 'Camera ready. Hold the receipt flat and fill the frame with it.';

  return (
    <dialog
      ref={dialog}
      className="camera"
      aria-labelledby="camera-title"
      data-testid="camera-capture"
      onClose={() => {
        stopStream(stream);
        onClose();
      }}
    >
      <h2 id="camera-title">Scan with camera</h2>
      <div className="camera-preview">
        <video
          ref={video}
          data-testid="camera-preview"
          playsInline
          muted
          autoPlay
          aria-label="Camera preview"
          // Some phones report the torch only once frames flow.
          onPlaying={() => track && stream && torchSupported(track) && setTorchState((was) => (was?.stream === stream ? was : { stream, on: false }))}
        />
      </div>
      <p role="status" aria-live="polite" className={current && 'error' in current ? 'camera-status error' : 'camera-status'} data-testid="camera-status">
        {status}
      </p>
      <div className="camera-controls">
        <button ref={cancel} type="button" onClick={close} data-testid="camera-cancel">
          Cancel
        </button>
        {/* Not disabled while a shot is taken: a disabled button would drop the keyboard's focus. */}
        <button ref={shutter} type="button" className="shutter" aria-label="Take photo" data-testid="camera-shutter" disabled={!track} onClick={() => void shoot()}>
          <span aria-hidden="true" />
        </button>
        {current && 'error' in current ? (
          <button type="button" onClick={() => setSession((n) => n + 1)}>
            Try again
          </button>
        ) : torchHere ? (
          <button type="button" aria-pressed={torchHere.on} data-testid="camera-torch" onClick={() => void switchTorch()}>
            Torch
          </button>
        ) : null}
      </div>
      <div className="camera-tray">
        <span className="camera-count" data-testid="camera-count">
          {shots.length === 1 ? '1 shot' : `${shots.length} shots`}
        </span>
        {shots.length > 0 && (
          <ol className="camera-shots" aria-label="Shots taken" data-testid="camera-shots">
            {shots.map((shot) => (
              <li key={shot.number} data-testid="camera-shot">
                <img src={shot.url} alt={`Shot ${shot.number}`} />
                <button type="button" aria-label={`Remove shot ${shot.number}`} onClick={(event) => remove(shot, event.currentTarget)}>
                  ×
                </button>
              </li>
            ))}
          </ol>
        )}
        <button
          type="button"
          className="primary"
          data-testid="camera-done"
          disabled={!shots.length}
          onClick={() => {
            onFiles(shots.map((shot) => shot.file));
            close();
          }}
        >
          Done (read {shots.length})
        </button>
      </div>
    </dialog>
  );
}
