import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/catalog.js';
import { WriteError } from '../../src/files/atomic.js';
import { notSavedNotice } from '../../src/interview/live-session.js';
import { createPeerSheet } from '../../src/interview/peer-sheet.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { STAGE_IDS } from '../../src/stages.js';
import { builtinCatalog } from '../helpers/builtin.js';

// Tryout 12, finding 11 (minor faults).

describe('a failed save names the file and what to do', () => {
  const file = '/home/sam/.local/share/mlsd/sessions/m8p41aaaaaaa.json';
  const errno = (code: string) => Object.assign(new Error(code), { code });
  it('permission denied: the file, and to make its folder writable', () => {
    const notice = notSavedNotice(errno('EACCES'), file);
    expect(notice).toMatch(/^Not saved: permission denied\./);
    expect(notice).toContain(`Could not write ${file}.`);
    expect(notice).toContain('chmod u+w /home/sam/.local/share/mlsd/sessions');
    expect(notice).toContain('your text is kept');
  });
  it('a read-only disk and a full disk each say their own remedy', () => {
    expect(notSavedNotice(errno('EROFS'), file)).toMatch(/read-only.*MLSD_HOME/);
    expect(notSavedNotice(new WriteError(file, 'no space left on the device', 'ENOSPC'), file)).toContain('Free some disk space');
  });
  it('an error without a known code still names the file', () => {
    expect(notSavedNotice(new Error('disk on fire'), file)).toContain(`Could not write ${file}. Check that /home/sam/.local/share/mlsd/sessions can be written`);
  });
});

describe("the interview sheet's 'Listen for' list follows the stage", () => {
  for (const id of ['fraud-detection', 'news-feed', 'rag-support-assistant']) {
    it(`${id}: each stage lists its own flags first; clarify lists only its own`, () => {
      const prompt = builtinCatalog.prompts.get(id)!.value;
      const sheet = createPeerSheet(prompt, compileRubrics(rubricsFor(builtinCatalog, prompt)));
      expect(sheet.flags('clarify').every((f) => f.stage === 'clarify')).toBe(true);
      for (const stage of STAGE_IDS) {
        const stages = sheet.flags(stage).map((f) => f.stage);
        const firstAnywhere = stages.indexOf(null);
        // No flag of the stage after one that can come up anywhere; no flag of another stage at all.
        if (firstAnywhere >= 0) expect(stages.slice(firstAnywhere).every((s) => s === null)).toBe(true);
        expect(stages.every((s) => s === stage || s === null)).toBe(true);
      }
    });
  }
});
