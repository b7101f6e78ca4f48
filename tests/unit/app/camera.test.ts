import { describe, expect, it } from 'vitest';
import {
  CAMERA_CONSTRAINTS,
  cameraErrorMessage,
  captureMode,
  fullResolutionConstraints,
  hasVideoInput,
  noMediaDevicesError,
  shotFileName,
  torchConstraints,
  torchSupported,
} from '../../../src/app/camera';

describe('captureMode', () => {
  it('offers the live preview where getUserMedia and a camera are both there', () => {
    expect(captureMode({ getUserMedia: true, videoInput: true, coarsePointer: false })).toBe('live');
    expect(captureMode({ getUserMedia: true, videoInput: true, coarsePointer: true })).toBe('live');
  });
  it('falls back to the camera app through a file input on a touch device, to nothing elsewhere', () => {
    expect(captureMode({ getUserMedia: false, videoInput: false, coarsePointer: true })).toBe('file');
    expect(captureMode({ getUserMedia: true, videoInput: false, coarsePointer: true })).toBe('file');
    expect(captureMode({ getUserMedia: true, videoInput: false, coarsePointer: false })).toBe('none');
    expect(captureMode({ getUserMedia: false, videoInput: true, coarsePointer: false })).toBe('none');
  });
  it('offers nothing while the devices are still being listed, then what they allow', () => {
    expect(captureMode({ getUserMedia: true, videoInput: undefined, coarsePointer: true })).toBe('none');
    expect(captureMode({ getUserMedia: false, videoInput: undefined, coarsePointer: true })).toBe('file');
  });
});

describe('hasVideoInput', () => {
  it('looks at the kind only, which is there before permission', () => {
    expect(hasVideoInput([{ kind: 'audioinput' }, { kind: 'videoinput' }])).toBe(true);
    expect(hasVideoInput([{ kind: 'audioinput' }, { kind: 'audiooutput' }])).toBe(false);
    expect(hasVideoInput([])).toBe(false);
  });
});

describe('constraints', () => {
  it('asks for the rear camera, no audio, and more pixels than any camera has', () => {
    expect(CAMERA_CONSTRAINTS.audio).toBe(false);
    const video = CAMERA_CONSTRAINTS.video as MediaTrackConstraints;
    expect(video.facingMode).toEqual({ ideal: 'environment' });
    // ideal, never exact or min: a camera with less must still open.
    expect(video.width).toEqual({ ideal: 4096 });
    expect(video.height).toEqual({ ideal: 4096 });
  });
  it('asks for the largest mode when the track started below it', () => {
    expect(fullResolutionConstraints({ width: { max: 4032 }, height: { max: 3024 } }, { width: 1920, height: 1080 })).toEqual({
      width: { ideal: 4032 },
      height: { ideal: 3024 },
    });
  });
  it('asks nothing more when the track is already at its largest or says nothing', () => {
    expect(fullResolutionConstraints({ width: { max: 1280 }, height: { max: 720 } }, { width: 1280, height: 720 })).toBeUndefined();
    expect(fullResolutionConstraints({}, { width: 640, height: 480 })).toBeUndefined();
  });
  it('switches the torch through an advanced constraint, so a camera without one ignores it', () => {
    expect(torchConstraints(true)).toEqual({ advanced: [{ torch: true }] });
    expect(torchConstraints(false)).toEqual({ advanced: [{ torch: false }] });
  });
});

describe('torchSupported', () => {
  it('reads the track’s capabilities', () => {
    expect(torchSupported({ getCapabilities: () => ({ torch: true }) as MediaTrackCapabilities })).toBe(true);
    expect(torchSupported({ getCapabilities: () => ({ width: { max: 1280 } }) })).toBe(false);
  });
  it('is false where the browser has no getCapabilities', () => {
    expect(torchSupported({})).toBe(false);
  });
});

describe('shotFileName', () => {
  const taken = new Date(2026, 2, 4, 9, 5, 7);
  it('names a shot by its local time and its number in the session', () => {
    expect(shotFileName(taken, 1)).toBe('scan-2026-03-04-09-05-07-1.jpg');
    expect(shotFileName(taken, 12, 'image/jpeg')).toBe('scan-2026-03-04-09-05-07-12.jpg');
  });
  it('takes the extension from the photo’s type', () => {
    expect(shotFileName(taken, 2, 'image/png')).toBe('scan-2026-03-04-09-05-07-2.png');
    expect(shotFileName(taken, 2, '')).toBe('scan-2026-03-04-09-05-07-2.jpg');
  });
});

describe('cameraErrorMessage', () => {
  const dom = (name: string) => new DOMException('browser wording', name);
  it('says what each getUserMedia failure means, plainly', () => {
    expect(cameraErrorMessage(dom('NotAllowedError'))).toMatch(/refused.*settings/);
    expect(cameraErrorMessage(dom('NotFoundError'))).toMatch(/No camera was found/);
    expect(cameraErrorMessage(dom('OverconstrainedError'))).toMatch(/No camera was found/);
    expect(cameraErrorMessage(dom('NotReadableError'))).toMatch(/another app/);
    expect(cameraErrorMessage(dom('SecurityError'))).toMatch(/https/);
    expect(cameraErrorMessage(dom('AbortError'))).toMatch(/Try again/);
  });
  it('explains a browser without mediaDevices', () => {
    expect(cameraErrorMessage(noMediaDevicesError())).toMatch(/cannot use the camera here.*https/);
  });
  it('passes on what an unknown failure says', () => {
    expect(cameraErrorMessage(new TypeError('odd'))).toBe('The camera could not be started: odd');
    expect(cameraErrorMessage('nothing useful')).toBe('The camera could not be started.');
  });
  it('never shows the browser’s own wording for a known failure', () => {
    for (const name of ['NotAllowedError', 'NotFoundError', 'NotReadableError', 'SecurityError'])
      expect(cameraErrorMessage(dom(name))).not.toContain('browser wording');
  });
});
