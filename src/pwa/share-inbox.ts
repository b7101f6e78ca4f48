/** Files shared into Loupe wait in a cache between the service worker's POST handler and the page. */
const KEY = '/__share-inbox/';

export async function stashSharedFiles(inbox: Cache, entries: FormDataEntryValue[]): Promise<number> {
  const files = entries.filter((entry): entry is File => typeof entry !== 'string');
  await Promise.all(
    files.map((file, i) =>
      inbox.put(
        `${KEY}${Date.now()}-${i}`,
        new Response(file, { headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) } }),
      ),
    ),
  );
  return files.length;
}

/** Takes every waiting file out of the inbox, oldest first. */
export async function takeSharedFiles(inbox: Cache): Promise<File[]> {
  const requests = (await inbox.keys()).filter((request) => new URL(request.url).pathname.startsWith(KEY));
  requests.sort((a, b) => a.url.localeCompare(b.url, 'en', { numeric: true }));
  const files: File[] = [];
  for (const request of requests) {
    const response = await inbox.match(request);
    if (response) {
      const name = decodeURIComponent(response.headers.get('X-File-Name') ?? 'shared');
      files.push(new File([await response.blob()], name, { type: response.headers.get('Content-Type') ?? '' }));
    }
    await inbox.delete(request);
  }
  return files;
}
