import { crc32 } from 'node:zlib';

/**
 * The checksum mlsd's own caches carry (content cache, shipped content, compiled scoring form) and are
 * keyed by: 16 hex digits, the CRC-32 of the bytes (zlib's, IEEE 802.3 polynomial) then their length in
 * bytes (mod 2^32), e.g. "8a9f3c2e0006572f". Text is taken as its UTF-8 bytes.
 *
 * Not a defence against anyone: a check that a disposable file is the one written (not cut short, not
 * edited, not of other content) and that a key (a listing of files, a build) is unchanged. A CRC-32 finds
 * every change confined to 32 consecutive bits (one changed size or time in a listing, a flipped byte) and
 * any other with odds of 1 in 2^32; a cut or a growth also changes the length. It is native and loads no
 * more than zlib, which the code cache (code-cache.ts) loads anyway, where SHA-256 needed node's crypto
 * module (about 2 ms to load) and hashed ten times slower.
 */
export function checksum(data: string | Uint8Array): string {
  const length = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  return hex8(crc32(data)) + hex8(length % 0x1_0000_0000);
}

/** A checksum as `checksum` writes it: 16 lower-case hex digits. */
export const CHECKSUM_PATTERN = /^[0-9a-f]{16}$/;

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
