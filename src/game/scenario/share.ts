/**
 * A share link carries a whole scenario in the URL hash: the file's text, deflated and written in
 * base64url, after `#scenario=`. The hash never reaches a server, so a link works from any static host
 * and the scenario stays between the instructor and the students. Uses the platform's
 * CompressionStream (browsers and Node 18+): no library.
 */
export const SHARE_PARAM = 'scenario';
/** Browsers and chat tools cope with URLs far longer than this; a level deflates to a few kilobytes. */
export const MAX_SHARE_CHARS = 60_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The hash part of a share link for a scenario's text and file name (without the leading '#'). */
export async function encodeShare(text: string, file: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return new URLSearchParams({ [SHARE_PARAM]: toBase64Url(packed), file }).toString();
}

/** A full link: the game's address with the scenario in its hash. */
export async function shareLink(gameUrl: string, text: string, file: string): Promise<string> {
  const url = new URL(gameUrl);
  url.search = '';
  url.hash = await encodeShare(text, file);
  return url.toString();
}

export type Shared = { ok: true; text: string; file: string } | { ok: false; reason: 'not_a_share' | 'damaged' | 'too_long' };

/** Read a scenario from a location hash (`#scenario=...`); a damaged link says so rather than throwing. */
export async function decodeShare(hash: string): Promise<Shared> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(SHARE_PARAM);
  if (value === null) return { ok: false, reason: 'not_a_share' };
  if (value.length > MAX_SHARE_CHARS) return { ok: false, reason: 'too_long' };
  const bytes = fromBase64Url(value);
  if (!bytes || bytes.length === 0) return { ok: false, reason: 'damaged' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
    const file = (params.get('file') ?? '').replace(/[^\w.\- ]/g, '').slice(0, 80) || 'shared-scenario.yaml';
    return { ok: true, text, file };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}
