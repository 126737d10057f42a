import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { BadLine, Row, SetLine } from './index-schema.js';
import { readSeal, SEAL_START } from './index-seal.js';
import { emptyState, type Entry, type IndexState } from './index-state.js';

/**
 * Reads a sealed session index (index-seal.ts): one whose seal line holds the SHA-256 of every byte
 * before it. Only such an index is read here, without schemas: rows are kept as their text and only
 * their first fields are read (the file name, size and time, id, date, prompt, kind, status and overall
 * score, which hold no comma, quote or escape: index-schema.ts); the rest of a row is parsed when it is
 * asked for. An index of this format without a seal that matches is not trusted at all: it is rebuilt
 * from the session files (index-cache.ts).
 */

/** The first line of an index of this format, exactly as mlsd writes it. */
export const HEADER_LINE = '{"index":"mlsd-sessions","format":5}';

/** Pieces of the file are decoded this many bytes at a time (a piece grows to hold a longer line). */
const PIECE = 1 << 20;

/** The first line of an index of format 4, whose lines are read with their schemas and written again sealed. */
export const FORMAT_4_HEADER = '{"index":"mlsd-sessions","format":4}';

/**
 * The bytes of the index file; null when it is missing or not a regular file. The whole file is read:
 * its seal covers every byte, and rows keep their text (about 370 bytes a session).
 */
export function readIndexBytes(file: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return null;
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) return bytes.subarray(0, filled); // shorter than a moment ago: what there is
      filled += read;
    }
    return bytes;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** How many seals, from the end, are tried before the index is given up as not sealed. */
const SEALS_TRIED = 3;

/**
 * The index in `bytes` up to its last seal that matches (index-seal.ts); null when no seal among the
 * last few matches, or a line before it is of no known kind. Lines after that seal (half a line left by
 * a crash while appending, or the lines of a second run appending at the same time) are dropped, so
 * their files are read again, and the index is marked to be written again whole.
 */
export function readSealedIndex(bytes: Buffer): IndexState | null {
  const headerEnd = bytes.indexOf(10);
  if (headerEnd < 0 || bytes.toString('latin1', 0, headerEnd) !== HEADER_LINE) return null;
  const marker = Buffer.from(`\n${SEAL_START}`);
  let end = bytes.length;
  for (let tried = 0; tried < SEALS_TRIED; tried++) {
    const at = bytes.lastIndexOf(marker, end - 1);
    if (at < headerEnd) return null;
    const sealStart = at + 1;
    const sealEnd = bytes.indexOf(10, sealStart);
    end = at;
    if (sealEnd < 0) continue; // a seal cut short
    const seal = readSeal(bytes.toString('utf8', sealStart, sealEnd));
    if (!seal) continue;
    const running = createHash('sha256').update(bytes.subarray(0, sealStart));
    if (running.copy().digest('hex') !== seal.hex) continue;
    running.update(bytes.subarray(sealStart, sealEnd + 1));
    const state = emptyState(true);
    state.totals = seal.totals;
    state.seal = { hex: seal.hex, running };
    state.clean = sealEnd + 1 === bytes.length;
    state.lines = 2; // the header and the seal
    for (let start = headerEnd + 1; start < sealStart; ) {
      let stop = start + PIECE >= sealStart ? sealStart : bytes.lastIndexOf(10, start + PIECE - 1) + 1;
      if (stop <= start) stop = bytes.indexOf(10, start + PIECE) + 1;
      // A newline byte is never part of a multi-byte UTF-8 character: each piece decodes whole.
      if (!readLines(bytes.toString('utf8', start, stop), state)) return null;
      start = stop;
    }
    return state;
  }
  return null;
}

/** Applies whole lines (the text ends with a newline) to the state; false at a line of no known kind. */
function readLines(text: string, state: IndexState): boolean {
  for (let start = 0, end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    state.lines++;
    const first = text.charCodeAt(start);
    if (first === 91 /* [ */) {
      const entry = readEntry(text.slice(start, end));
      if (!entry) return false;
      const known = state.entries.get(entry.name);
      if (known) state.entries.set(entry.name, Object.assign(known, entry));
      else state.entries.set(entry.name, entry);
      state.bad.delete(entry.name);
      continue;
    }
    const line = text.slice(start, end);
    if (line.startsWith(SEAL_START)) continue; // an earlier seal: the last one covers it
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return false;
    }
    if (typeof value !== 'object' || value === null) return false;
    if ('set' in value) {
      const set = value as SetLine;
      if (set.set !== state.sets.length) return false;
      state.sets.push(set);
      state.setKeys.set(set.items.map((i) => i[0]).join('\n'), set.set);
    } else if ('gone' in value && typeof value.gone === 'string') {
      state.entries.delete(value.gone);
      state.bad.delete(value.gone);
    } else if ('bad' in value) {
      const bad = value as BadLine;
      state.entries.delete(bad.bad);
      state.bad.set(bad.bad, bad);
    } else {
      return false;
    }
  }
  return true;
}

/**
 * The entry of a row line, read a field at a time: `["<name>",<size>,<mtimeMs>,"<id>","<createdAt>",
 * "<prompt>","<level>","<kind>","<status>",<overall>,...`. Null when the line does not have that shape.
 */
function readEntry(line: string): Entry | null {
  let at = 2;
  const text = (): string | null => {
    const end = line.indexOf('"', at);
    if (end < 0 || line.charCodeAt(end + 1) !== 44 /* , */) return null;
    const value = line.slice(at, end);
    at = end + 3; // past `",` and the next field's opening quote (if it is a string)
    return value;
  };
  const number = (): number | null => {
    const end = line.indexOf(',', at);
    if (end < 0) return null;
    const raw = line.slice(at, end);
    at = end + 2;
    if (raw === 'null') return null;
    const value = Number(raw);
    return raw !== '' && Number.isFinite(value) ? value : Number.NaN;
  };
  if (line.charCodeAt(1) !== 34 /* " */) return null;
  const name = text();
  at--; // a number follows, not a string
  const size = number();
  at--;
  const mtimeMs = number();
  const id = text();
  const createdAt = text();
  const prompt = text();
  const level = text();
  const kind = text() as Row[7] | null;
  const status = text() as Row[8] | null;
  at--;
  const overall = number();
  if (name === null || id === null || createdAt === null || prompt === null || level === null || kind === null || status === null) return null;
  if (size === null || mtimeMs === null || Number.isNaN(size) || Number.isNaN(mtimeMs) || Number.isNaN(overall)) return null;
  return { name, size, mtimeMs, id, createdAt, prompt, kind, status, overall, line, row: null };
}
