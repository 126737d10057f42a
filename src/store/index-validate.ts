import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { badSchema, goneSchema, headerSchema, rowChecker, setSchema } from './index-schema.js';
import { SEAL_START } from './index-seal.js';
import { dropEntry, emptyState, entryOf, putEntry, type IndexState } from './index-state.js';
import { OPEN_READ_NO_WAIT } from '../files/read.js';

/**
 * Reads a session index that is not sealed (index-seal.ts), or whose seal does not match: every line is
 * checked with its schema (index-schema.ts), and the first line that fails makes the whole index invalid,
 * to be rebuilt from the session files. An index read here is always written again whole, and sealed.
 * Read a piece at a time and line by line, so the whole file is never one string beside its rows.
 */

/** The index is read in pieces of this many bytes (a piece grows to hold a longer line). */
const CHUNK = 1 << 20;

/** The index as last written; an index that is missing, of another format or corrupt comes back empty and invalid. */
export function readIndexChecked(file: string): IndexState {
  let fd: number;
  try {
    fd = openSync(file, OPEN_READ_NO_WAIT);
  } catch {
    return emptyState(false);
  }
  const state = emptyState(true);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return emptyState(false);
    const rows = rowChecker(info.size);
    let buffer = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) {
        // A crash while appending can leave half a line at the end: it is dropped, and its file read again.
        state.clean = filled === 0;
        break;
      }
      const end = filled + read;
      // A newline byte is never part of a multi-byte UTF-8 character: the text up to it decodes whole.
      const last = buffer.lastIndexOf(10, end - 1);
      if (last < 0) {
        filled = end;
        continue;
      }
      readLines(buffer.toString('utf8', 0, last + 1), state, rows);
      buffer.copy(buffer, 0, last + 1, end);
      filled = end - last - 1;
    }
    if (state.lines === 0) return emptyState(false);
    for (const entry of state.entries.values()) {
      const row = entry.row!;
      if (row[17] && largestIndex(row[17]) >= (row[16] === null ? 0 : state.sets[row[16]]!.items.length)) throw new Error('item out of its set');
    }
  } catch {
    return emptyState(false);
  } finally {
    closeSync(fd);
  }
  return state;
}

/** Applies whole lines (the text ends with a newline) to the state; throws at the first line that fails its schema. */
function readLines(text: string, state: IndexState, rows: ReturnType<typeof rowChecker>): void {
  for (let start = 0, end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    const line = text.slice(start, end);
    if (state.lines++ === 0) {
      if (!headerSchema.safeParse(JSON.parse(line)).success) throw new Error('not an index of this format');
      continue;
    }
    // A seal that did not match (or one in the middle: two appends interleaved) says nothing: the rows are checked.
    if (line.startsWith(SEAL_START)) continue;
    const value: unknown = JSON.parse(line);
    if (Array.isArray(value)) {
      const row = rows.parse(value);
      if (row[16] !== null && !state.sets[row[16]]) throw new Error('row of an unknown item set');
      putEntry(state, entryOf(row, line)); // a later row for a file replaces the earlier one, in its place
      state.bad.delete(row[0]);
    } else if (value && typeof value === 'object' && 'set' in value) {
      const set = setSchema.parse(value);
      if (set.set !== state.sets.length) throw new Error('item sets out of order');
      state.sets.push(set);
      state.setKeys.set(set.items.map((i) => i[0]).join('\n'), set.set);
    } else if (value && typeof value === 'object' && 'gone' in value) {
      const gone = goneSchema.parse(value).gone;
      dropEntry(state, gone);
      state.entries.delete(gone);
      state.bad.delete(gone);
    } else {
      const bad = badSchema.parse(value);
      dropEntry(state, bad.bad);
      state.entries.delete(bad.bad);
      state.bad.set(bad.bad, bad);
    }
  }
}

/** The largest item position in "3m 5p 9n", read without splitting. */
function largestIndex(code: string): number {
  let largest = -1;
  let value = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c !== 32) {
      if (value > largest) largest = value;
      value = 0;
    }
  }
  return largest;
}
