/**
 * Bytes as text, or why they are not text. An answer to score must be UTF-8 without NUL bytes: a binary
 * file (an image, a .docx, a compiled file) decoded leniently turns into replacement characters and
 * fragments that the scorer would read as words. Pure.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.includes(0)) return { problem: 'it is not text: it holds NUL bytes (a binary file?); save the answer as plain text, Markdown or YAML' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'it is not UTF-8 text (a binary file, or another encoding?); save the answer as UTF-8 plain text, Markdown or YAML' };
  }
}
