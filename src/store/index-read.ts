import { createHash, type Hash } from 'node:crypto';
import { readSync } from 'node:fs';
import type { BadLine, Row, SetLine } from './index-schema.js';
import { readSeal, SEAL_START, type SealFacts } from './index-seal.js';
import { emptyState, Entry, type IndexState } from './index-state.js';
import { readBytes, withRegularFile } from '../files/read.js';

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
  return withRegularFile(file, readBytes);
}

/** The last line of an index is looked for in this many bytes at its end (a seal is a few kilobytes). */
const TAIL = 256 * 1024;

/**
 * The index in `file` when its last line is a seal that matches, read a piece at a time (never the whole
 * file in memory at once, beside the rows made from it); null otherwise, and then readSealedIndex reads
 * the whole file to look for an earlier seal.
 */
export function readSealedFile(file: string): IndexState | null {
  return withRegularFile(file, (fd, size) => {
    if (size <= HEADER_LINE.length + 1) return null;
    const tailStart = Math.max(0, size - TAIL);
    const tail = Buffer.allocUnsafe(size - tailStart);
    if (readFully(fd, tail, tailStart) !== tail.length || tail[tail.length - 1] !== 10) return null;
    const lastStart = tail.lastIndexOf(10, tail.length - 2) + 1;
    if (lastStart === 0 && tailStart > 0) return null;
    const seal = readSeal(tail.toString('utf8', lastStart, tail.length - 1));
    if (!seal) return null;
    const sealStart = tailStart + lastStart;
    const running = createHash('sha256');
    const state = emptyState(true);
    state.lines = 2; // the header and the seal
    let buffer = Buffer.allocUnsafe(Math.min(PIECE, sealStart));
    let filled = 0;
    let position = 0;
    let header = true;
    while (position < sealStart) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, filled, Math.min(buffer.length - filled, sealStart - position), position);
      if (read === 0) return null;
      running.update(buffer.subarray(filled, filled + read));
      position += read;
      const end = filled + read;
      // A newline byte is never part of a multi-byte UTF-8 character: the text up to it decodes whole.
      const last = buffer.lastIndexOf(10, end - 1);
      if (last < 0) {
        filled = end;
        continue;
      }
      let from = 0;
      if (header) {
        if (buffer.indexOf(10) !== HEADER_LINE.length || buffer.toString('latin1', 0, HEADER_LINE.length) !== HEADER_LINE) return null;
        from = HEADER_LINE.length + 1;
        header = false;
      }
      if (from <= last && !readLines(buffer.toString('utf8', from, last + 1), state)) return null;
      buffer.copy(buffer, 0, last + 1, end);
      filled = end - last - 1;
    }
    if (filled !== 0 || header || running.copy().digest('hex') !== seal.hex) return null;
    running.update(tail.subarray(lastStart));
    applySeal(state, seal, running);
    return state;
  });
}

/** What a matching seal says of the index, put on the state read up to it; `running` has hashed the seal line too. */
function applySeal(state: IndexState, seal: { hex: string } & SealFacts, running: Hash): void {
  state.totals = seal.totals;
  state.live = new Set(seal.live);
  state.sorted = seal.sorted;
  state.scored = new Map(Object.entries(seal.scored));
  state.prompts = new Map(Object.entries(seal.prompts));
  state.oddTimes = seal.oddTimes;
  state.seal = { hex: seal.hex, running };
}

/** Reads `buffer.length` bytes from `position` (fewer at the end of the file); the count read. */
function readFully(fd: number, buffer: Buffer, position: number): number {
  let filled = 0;
  while (filled < buffer.length) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return filled;
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
    applySeal(state, seal, running);
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

/**
 * Applies whole lines (the text ends with a newline) to the state; false at a line of no known kind. Rows
 * are nearly every line and this loop runs for every row of the index on every run, before V8 has
 * optimised it: so what it touches for a row is kept in locals, and the other kinds of line are read
 * by readOtherLine.
 */
function readLines(text: string, state: IndexState): boolean {
  const entries = state.entries;
  let lines = 0;
  let last: Entry | null = null;
  let ok = true;
  for (let start = 0, end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    lines++;
    if (text.charCodeAt(start) === 91 /* [ */) {
      const entry = Entry.read(text, start, end);
      if (!entry) {
        ok = false;
        break;
      }
      // A later row for the same file replaces the earlier one and keeps its place (Map#set).
      const count = entries.size;
      entries.set(entry.name, entry);
      if (entries.size !== count) last = entry;
      if (state.bad.size > 0) state.bad.delete(entry.name);
      continue;
    }
    if (!readOtherLine(text.slice(start, end), state)) {
      ok = false;
      break;
    }
  }
  state.lines += lines;
  if (last) state.last = last;
  return ok;
}

/** Applies a line other than a row (a rubric set, a file gone, a file that is not a session, an earlier seal); false when it is of no known kind. */
function readOtherLine(line: string, state: IndexState): boolean {
  if (line.startsWith(SEAL_START)) return true; // an earlier seal: the last one covers it
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
  return true;
}
