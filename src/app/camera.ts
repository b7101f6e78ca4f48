/**
 * The camera's decisions, apart from the browser: what to ask `getUserMedia` for, when to ask for more
 * resolution, whether the torch can be switched, how shots are named, and what a failure means to a person.
 */

/** The torch is in the Image Capture spec's extension of these types, which TypeScript's DOM lib leaves out. */
type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };
type TorchConstraintSet = MediaTrackConstraintSet & { torch?: boolean };

/** Which way of taking a photo the device offers: a live preview, the system camera through a file input, or none. */
export type CaptureMode = 'live' | 'file' | 'none';

/** `videoInput` is undefined until `enumerateDevices()` answers: nothing is offered yet, so a phone never flashes the wrong button. */
export function captureMode(device: { getUserMedia: boolean; videoInput: boolean | undefined; coarsePointer: boolean }): CaptureMode {
  if (device.getUserMedia && device.videoInput) return 'live';
  if (device.getUserMedia && device.videoInput === undefined) return 'none';
  // Phones without live capture (an http page, an old browser) still open their camera app from a file input.
  return device.coarsePointer ? 'file' : 'none';
}

/** Whether `enumerateDevices()` lists a camera (its labels stay empty until permission, its kind does not). */
export function hasVideoInput(devices: readonly Pick<MediaDeviceInfo, 'kind'>[]): boolean {
  return devices.some((device) => device.kind === 'videoinput');
}

/** Asks for more than any camera has: the browser then picks the rear camera's largest mode. */
const ASK = 4096;

export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: ASK }, height: { ideal: ASK } },
};

/**
 * Once the track runs, its capabilities say what the camera really offers; when the browser started
 * below that (some do, whatever `ideal` says), these constraints ask for the largest; undefined if it is there.
 */
export function fullResolutionConstraints(
  capabilities: Pick<MediaTrackCapabilities, 'width' | 'height'>,
  settings: Pick<MediaTrackSettings, 'width' | 'height'>,
): MediaTrackConstraints | undefined {
  const width = capabilities.width?.max;
  const height = capabilities.height?.max;
  if (!width || !height) return undefined;
  if ((settings.width ?? 0) >= width && (settings.height ?? 0) >= height) return undefined;
  return { width: { ideal: width }, height: { ideal: height } };
}

/** Whether this track's torch can be switched; `getCapabilities` is missing in some browsers. */
export function torchSupported(track: Partial<Pick<MediaStreamTrack, 'getCapabilities'>>): boolean {
  return typeof track.getCapabilities === 'function' && (track.getCapabilities() as TorchCapabilities).torch === true;
}

export function torchConstraints(on: boolean): MediaTrackConstraints {
  const torch: TorchConstraintSet = { torch: on };
  return { advanced: [torch] };
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** `scan-YYYY-MM-DD-HH-MM-SS-N.jpg` in local time: sorts by when it was taken, and N tells a burst's shots apart. */
export function shotFileName(taken: Date, number: number, type = 'image/jpeg'): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${taken.getFullYear()}-${two(taken.getMonth() + 1)}-${two(taken.getDate())}`;
  const time = `${two(taken.getHours())}-${two(taken.getMinutes())}-${two(taken.getSeconds())}`;
  return `scan-${date}-${time}-${number}.${EXTENSIONS[type] ?? 'jpg'}`;
}

/** What went wrong with the camera, in words a person can act on; the rest of Loupe works either way. */
export function cameraErrorMessage(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
      return 'Camera access was refused. Allow the camera for this site in the browser’s settings, or add photos with choose files.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device. Add photos with choose files instead.';
    case 'NotReadableError':
      return 'The camera could not be started: another app may be using it. Close that app and try again.';
    case 'SecurityError':
      return 'The camera is blocked on this page: it needs a secure (https) address and the browser’s permission.';
    case 'AbortError':
      return 'The camera stopped while it was starting. Try again.';
    case 'NoMediaDevices':
      return 'This browser cannot use the camera here (it needs a secure, https address). Add photos with choose files instead.';
    default:
      return `The camera could not be started${error instanceof Error && error.message ? `: ${error.message}` : '.'}`;
  }
}

/** The error `cameraErrorMessage` explains when the browser has no `navigator.mediaDevices` (an http page). */
export function noMediaDevicesError(): Error {
  const error = new Error('navigator.mediaDevices is not available');
  error.name = 'NoMediaDevices';
  return error;
}
