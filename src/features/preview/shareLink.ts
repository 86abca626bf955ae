/**
 * A link that carries the whole draft, compressed, in its fragment: nothing goes to a server (the
 * fragment is never sent), and the link opens the same draft in any browser.
 */

export const SHARE_HASH_KEY = 'draft';

/**
 * The longest link offered. Browsers take far longer ones, but chat and mail programs cut or
 * refuse links much past this, and a link that arrives cut opens nothing.
 */
export const MAX_LINK_LENGTH = 32_000;

async function pipeThrough(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Written without waiting: the stream only drains as it is read below.
  const written = writer.write(bytes).then(() => writer.close());
  written.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function encodeDraft(text: string): Promise<string> {
  const compressed = await pipeThrough(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return toBase64Url(compressed);
}

export class ShareLinkError extends Error {
  override readonly name = 'ShareLinkError';
}

export async function decodeDraft(encoded: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new ShareLinkError('The link’s draft is not in the form this preview writes.');
  try {
    const bytes = await pipeThrough(fromBase64Url(encoded), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('The link’s draft could not be read: the link may have been cut short when it was copied.');
  }
}

export type ShareLink =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly length: number; readonly limit: number };

/** A link to `pageUrl` (the preview's own address) that opens `text`, or why there is none. */
export async function shareLinkFor(text: string, pageUrl: string): Promise<ShareLink> {
  const url = new URL(pageUrl);
  url.hash = `${SHARE_HASH_KEY}=${await encodeDraft(text)}`;
  const href = url.href;
  return href.length <= MAX_LINK_LENGTH ? { ok: true, url: href } : { ok: false, length: href.length, limit: MAX_LINK_LENGTH };
}

/** The encoded draft a location's fragment carries, if any. */
export function draftInHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_HASH_KEY);
}
