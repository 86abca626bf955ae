/** The full address of a path on this site, optionally pointing at a part of the page (`#person-…`). */
export function siteAddress(path: string, fragment?: string): string {
  return `${window.location.origin}${path}${fragment ? `#${fragment}` : ''}`;
}
