/**
 * Absolute URL on Loupe's origin of a path the build gave (an asset's `?url`): workers started from a blob: URL
 * have no base that a relative path resolves against.
 */
export function originUrl(path: string): string {
  return new URL(path, self.location.origin).href;
}

/** Absolute URL of a runtime file Loupe serves itself (scripts/vendor.ts puts them there). */
export function vendorUrl(path: string): string {
  return originUrl(`${import.meta.env.BASE_URL}vendor/${path}`);
}
