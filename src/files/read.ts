import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { decodeText } from '../text/utf8.js';
import { plural } from '../text/plural.js';

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
    handle = await open(file, openFlags(options));
  } catch (error) {
    throw asReadError(file, error);
  }
  try {
    checkReadable(file, await handle.stat(), options);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooBig(file, options.maxBytes);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return asText(file, Buffer.concat(chunks, total), options);
  } catch (error) {
    throw asReadError(file, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * readTextFile without giving the event loop a turn: the same checks, refusals and errors (ReadError), in
 * one go. For a command that has nothing else to do meanwhile (`score` reading its answer), where each
 * asynchronous step would wait for node's thread pool and the process to be scheduled again. A pipe the
 * user named (`allowPipes`) is read until its writer closes it, as readTextFile does.
 */
export function readTextFileSync(file: string, options: ReadOptions): string {
  let fd: number;
  try {
    fd = openSync(file, openFlags(options));
  } catch (error) {
    throw asReadError(file, error);
  }
  try {
    const info = fstatSync(fd);
    checkReadable(file, info, options);
    if (info.isFile()) {
      // Read one byte past the size: a file that grew since fstat is refused when it is now too big.
      const bytes = readBytes(fd, Math.min(info.size, options.maxBytes) + 1);
      if (bytes.length > options.maxBytes) throw tooBig(file, options.maxBytes);
      if (bytes.length <= info.size) return asText(file, bytes, options);
      return asText(file, Buffer.concat([bytes, readRest(file, fd, options.maxBytes - bytes.length)]), options);
    }
    return asText(file, readRest(file, fd, options.maxBytes), options);
  } catch (error) {
    throw asReadError(file, error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing more to do with it
    }
  }
}

/** Chunk size for a pipe or a file whose end is not known in advance. */
const CHUNK_BYTES = 64 * 1024;

/** Everything left in an open file or pipe up to its end; a ReadError (EFBIG) past `maxBytes`. */
function readRest(file: string, fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const read = readSync(fd, buffer, 0, buffer.length, null);
    if (read === 0) break;
    total += read;
    if (total > maxBytes) throw tooBig(file, maxBytes);
    chunks.push(buffer.subarray(0, read));
  }
  return Buffer.concat(chunks, total);
}

/** Open flags: a pipe is waited on only when pipes are allowed (O_NONBLOCK otherwise, so fstat can refuse it). */
function openFlags(options: ReadOptions): number {
  return options.allowPipes ? constants.O_RDONLY : constants.O_RDONLY | NONBLOCK;
}

/** Throws the ReadError for what may not be read: not a regular file (nor an allowed pipe), or too big. */
function checkReadable(file: string, info: Stats, options: ReadOptions): void {
  const pipe = info.isFIFO() || info.isSocket();
  if (!info.isFile() && !(pipe && options.allowPipes)) throw new ReadError(file, `not a regular file (${fileKind(info)})`, 'ENOTREG');
  if (info.isFile() && info.size > options.maxBytes) throw tooBig(file, options.maxBytes);
}

/** The bytes as text: UTF-8, or with `textOnly` a ReadError (ENOTTEXT) for what is not text. */
function asText(file: string, bytes: Buffer, options: ReadOptions): string {
  if (!options.textOnly) return bytes.toString('utf8');
  const decoded = decodeText(bytes);
  if ('problem' in decoded) throw new ReadError(file, decoded.problem, 'ENOTTEXT');
  return decoded.text;
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
  return n >= 1_000_000 ? `${Math.round(n / 100_000) / 10} MB` : n >= 1_000 ? `${Math.round(n / 100) / 10} KB` : plural(n, 'byte');
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
