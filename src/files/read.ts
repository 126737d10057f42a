import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { decodeText } from '../text/utf8.js';

/**
 * Reading files mlsd did not write itself, safely: only regular files (a FIFO would hang the
 * command, a link to /dev/zero would read forever), never more than a size cap, and every failure
 * a `ReadError` with a reason a person understands.
 */

/** A saved session is a few hundred kilobytes at most; anything near this is not one. */
export const MAX_SESSION_BYTES = 10_000_000;
/** An answer to score: a long one is 50 KB. */
export const MAX_ANSWER_BYTES = 10_000_000;

/** Why a file could not be read, in words; `code` is the errno code or ENOTREG / EFBIG. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly code: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ReadError';
  }
}

export interface ReadOptions {
  /** Bytes beyond which the file is refused. */
  maxBytes: number;
  /** Also read a pipe (a FIFO, `<(...)`, /dev/stdin): for a file the user named on the command line. */
  allowPipes?: boolean;
  /** Refuse anything that is not UTF-8 text (NUL bytes, invalid sequences) with a ReadError of code ENOTTEXT. */
  textOnly?: boolean;
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; for regular files it does nothing.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Flags for openSync of a file mlsd reads back (an index, a cache, a data file of the package): read
 * only, and never waiting for a writer when the path is a FIFO, so the caller's fstat can refuse it.
 */
export const OPEN_READ_NO_WAIT = constants.O_RDONLY | NONBLOCK;

/**
 * Runs `use` on `file` opened for reading when it is a regular file (opened without waiting, so a FIFO
 * in its place is refused, never waited on), with its size in bytes; closes it after. Null when the file
 * is missing, not a regular file or cannot be read, or when `use` throws or returns null. Never throws.
 */
export function withRegularFile<T>(file: string, use: (fd: number, size: number) => T | null): T | null {
  let fd: number;
  try {
    fd = openSync(file, OPEN_READ_NO_WAIT);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    return info.isFile() ? use(fd, info.size) : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `size` bytes of an open file, or fewer when it is shorter than that by now (cut short
 * since it was measured). Throws what readSync throws.
 */
export function readBytes(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, null);
    if (read === 0) return bytes.subarray(0, filled);
    filled += read;
  }
  return bytes;
}

/**
 * The UTF-8 text of a small file mlsd keeps for itself, read at once; null when it is missing, not a
 * regular file (a FIFO is never waited on), longer than `maxBytes`, or cannot be read. Never throws.
 */
export function readSmallFile(file: string, maxBytes: number): string | null {
  return withRegularFile(file, (fd, size) => (size > maxBytes ? null : readBytes(fd, size).toString('utf8')));
}

/** The text of a regular file (or, when allowed, a pipe), refusing anything else or anything too big. */
export async function readTextFile(file: string, options: ReadOptions): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(file, options.allowPipes ? constants.O_RDONLY : constants.O_RDONLY | NONBLOCK);
  } catch (error) {
    throw asReadError(file, error);
  }
  try {
    const info = await handle.stat();
    const pipe = info.isFIFO() || info.isSocket();
    if (!info.isFile() && !(pipe && options.allowPipes)) throw new ReadError(file, `not a regular file (${fileKind(info)})`, 'ENOTREG');
    if (info.isFile() && info.size > options.maxBytes) throw tooBig(file, options.maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooBig(file, options.maxBytes);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    const bytes = Buffer.concat(chunks, total);
    if (!options.textOnly) return bytes.toString('utf8');
    const decoded = decodeText(bytes);
    if ('problem' in decoded) throw new ReadError(file, decoded.problem, 'ENOTTEXT');
    return decoded.text;
  } catch (error) {
    throw asReadError(file, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooBig(file: string, maxBytes: number): ReadError {
  return new ReadError(file, `larger than ${formatBytes(maxBytes)}`, 'EFBIG');
}

/** What kind of thing a path is, for messages: "a FIFO", "a character device". */
export function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

export function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${Math.round(n / 100_000) / 10} MB` : n >= 1_000 ? `${Math.round(n / 100) / 10} KB` : `${n} bytes`;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'a loop of symbolic links',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EXDEV: 'not on the same file system',
  EEXIST: 'it already exists',
  EBUSY: 'it is busy',
};

/** An errno code as words: ENOSPC is "no space left on the device". Unknown codes are kept as they are. */
export function describeCode(code: string | undefined): string {
  return (code && REASONS[code]) ?? code ?? 'unknown error';
}

/** Any error from reading, as a ReadError. */
export function asReadError(file: string, error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code) return new ReadError(file, describeCode(code), code);
  return new ReadError(file, error instanceof Error ? error.message : String(error), 'EUNKNOWN');
}
