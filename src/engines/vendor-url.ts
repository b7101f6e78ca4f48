/** Absolute URL of a runtime file Loupe serves itself (scripts/vendor.ts puts them there). */
export function vendorUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}vendor/${path}`, self.location.origin).href;
}
