import { SHARE_INBOX_CACHE } from './caches';
import { takeSharedFiles } from './share-inbox';

interface LaunchParams {
  files: FileSystemFileHandle[];
}
type LaunchQueue = { setConsumer: (consumer: (params: LaunchParams) => void) => void };

/**
 * Files that reach Loupe from outside the page: opened with the installed app from the desktop
 * (file_handlers, via the launch queue) or sent from a phone's share sheet (share_target, parked by
 * the service worker in a cache).
 */
export function receiveLaunchedFiles(onFiles: (files: File[]) => void): void {
  const queue = (window as unknown as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    if (!params.files.length) return;
    void Promise.all(params.files.map((handle) => handle.getFile())).then(onFiles);
  });
  const url = new URL(location.href);
  if (url.searchParams.has('shared') && 'caches' in window) {
    // The marker comes off the address bar so a reload does not look for the same files again.
    url.searchParams.delete('shared');
    history.replaceState(null, '', url);
    void caches
      .open(SHARE_INBOX_CACHE)
      .then(takeSharedFiles)
      .then((files) => files.length && onFiles(files));
  }
}
