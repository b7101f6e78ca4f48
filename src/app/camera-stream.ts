import { CAMERA_CONSTRAINTS, fullResolutionConstraints, noMediaDevicesError, torchConstraints } from './camera';

/** Opens the rear camera at the largest resolution it offers; rejects with the browser's DOMException. */
export async function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw noMediaDevicesError();
  const stream = await navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS);
  const track = stream.getVideoTracks()[0];
  const upgrade = track && typeof track.getCapabilities === 'function' ? fullResolutionConstraints(track.getCapabilities(), track.getSettings()) : undefined;
  // A camera that refuses the larger mode still works at the one it started in.
  if (track && upgrade) await track.applyConstraints(upgrade).catch(() => undefined);
  return stream;
}

/** Ends every track, so the camera light goes off; safe to call twice. */
export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export function setTorch(track: MediaStreamTrack, on: boolean): Promise<void> {
  return track.applyConstraints(torchConstraints(on));
}

/**
 * One photo at the camera's full resolution: ImageCapture's still where the browser has it (often more
 * pixels than the preview), else the current frame at the video's own size.
 */
export async function takeShot(track: MediaStreamTrack, video: HTMLVideoElement, torchOn: boolean): Promise<Blob> {
  if (typeof ImageCapture === 'function') {
    try {
      const photo = await new ImageCapture(track).takePhoto();
      // Some Android cameras switch the torch off for a still; put it back as the user left it.
      if (torchOn) await setTorch(track, true).catch(() => undefined);
      return photo;
    } catch {
      // Desktop webcams often have no still mode: the frame below is as sharp as they get.
    }
  }
  return frameAsJpeg(video);
}

function frameAsJpeg(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || !canvas.width) return Promise.reject(new Error('The camera has not shown a picture yet.'));
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded.'))), 'image/jpeg', 0.92),
  );
}
