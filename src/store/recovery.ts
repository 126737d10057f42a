import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionJson } from './session-files.js';
import type { SessionRecord } from './session-record.js';

/**
 * When the session file cannot be written, the answers go somewhere else: a file in the system's
 * temporary directory (another disk, often), in the session file's format, so it can be moved back into
 * the sessions directory. Returns its path, or null when that fails too.
 */
export function writeRecoveryFile(record: SessionRecord, dir = tmpdir()): string | null {
  const base = `mlsd-recovered-${record.id.replace(/[^0-9a-z-]/gi, '')}`;
  // The temporary directory is shared: create a new file only ('wx' fails on anything already there,
  // a symbolic link planted by someone else included), trying a fresh name if one is taken.
  for (let attempt = 0; attempt < 5; attempt++) {
    const file = join(dir, `${base}${attempt === 0 ? '' : `-${Math.random().toString(36).slice(2, 8)}`}.json`);
    try {
      writeFileSync(file, sessionJson(record), { mode: 0o600, flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    }
  }
  return null;
}

/**
 * What was said, as plain text to print when nothing could be written at all: a `## <stage>` part per
 * stage answer and follow-up answer, and the text being typed under the stage it was typed in.
 */
export function answersAsText(record: SessionRecord): string {
  const parts: string[] = [];
  for (const [stage, text] of Object.entries(record.answers.sections)) if (text?.trim()) parts.push(`## ${stage}\n${text.trim()}`);
  for (const f of record.answers.followUps ?? []) if (f.text.trim()) parts.push(`## ${f.stage} (follow-up)\n${f.text.trim()}`);
  const i = record.interview;
  const draft = i?.draft.trim();
  // Named like the submitted parts: the stage it was typed in, and a follow-up's answer as one.
  if (i && draft) parts.push(`## ${i.stage}${i.phase === 'follow-up' ? ' (follow-up, being typed)' : ' (being typed)'}\n${draft}`);
  return parts.join('\n\n');
}
