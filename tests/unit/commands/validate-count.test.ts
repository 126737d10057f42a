import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess as runMlsd } from '../../helpers/in-process.js';

// `prompts validate` counted a file named twice (twice on the line, or as itself and inside a named folder)
// twice, and said nothing of subfolders, which it does not read (nor does mlsd when it loads a folder).

let home: string;
let dir: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-validate-count-'));
  dir = join(home, 'p');
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  copyFileSync(miniAds, join(dir, 'mini-ads.yaml'));
  // A broken copy in a subfolder: were it read, it would be an error.
  writeFileSync(join(dir, 'sub', 'other.yaml'), readFileSync(miniAds, 'utf8'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const miniAds = new URL('../../fixtures/e2e/pack/prompts/mini-ads.yaml', import.meta.url).pathname;
const rubric = 'id: r1\ntitle: R1\nitems: 3\n';

describe('validate counts each distinct file once', () => {
  it.each([
    ['the same file twice', (d: string) => [join(d, 'mini-ads.yaml'), join(d, 'mini-ads.yaml')]],
    ['a folder and a file in it', (d: string) => [d, join(d, 'mini-ads.yaml')]],
    ['a file in a folder, then the folder', (d: string) => [join(d, 'mini-ads.yaml'), d]],
    ['two spellings of one path', (d: string) => [join(d, 'sub', '..', 'mini-ads.yaml'), join(d, 'mini-ads.yaml')]],
    ['the folder twice', (d: string) => [d, `${d}/`]],
  ])('%s: 1 file', async (_name, args) => {
    const r = await runMlsd(home, ['prompts', 'validate', ...args(dir)]);
    expect(r.stdout).toMatch(/^1 file checked \(1 prompt, 0 rubrics\): 0 errors, 0 warnings$/m);
    expect(r.code).toBe(0);
    const json = JSON.parse((await runMlsd(home, ['prompts', 'validate', ...args(dir), '--json'])).stdout) as { files: string[] };
    expect(json.files).toHaveLength(1);
  });

  it('a broken file named twice is reported once', async () => {
    writeFileSync(join(dir, 'r1.yaml'), rubric);
    const r = await runMlsd(home, ['rubrics', 'validate', join(dir, 'r1.yaml'), dir, join(dir, 'r1.yaml')]);
    expect(r.stdout).toMatch(/2 files checked \(1 prompt, 1 rubric\): 1 error/);
    expect(r.stdout.match(/r1\.yaml:\d+:\d+ items/g)).toHaveLength(1);
    expect(r.code).toBe(1);
  });
});

describe('validate says which subfolders it did not read', () => {
  it('names them, and what mlsd reads instead; --json lists them', async () => {
    const r = await runMlsd(home, ['prompts', 'validate', dir]);
    expect(r.stdout).toMatch(/^1 file checked \(1 prompt, 0 rubrics\): 0 errors, 0 warnings$/m);
    expect(r.stdout).toContain(`Not read: ${join(dir, 'sub')}/. mlsd reads the .yaml files directly inside a folder, never its subfolders; name a subfolder to check it.`);
    const json = JSON.parse((await runMlsd(home, ['prompts', 'validate', dir, '--json'])).stdout) as { subfoldersNotRead: string[] };
    expect(json.subfoldersNotRead).toEqual([join(dir, 'sub')]);
    // Named itself, the subfolder is read (and its own subfolder listed).
    const sub = await runMlsd(home, ['prompts', 'validate', join(dir, 'sub')]);
    expect(sub.stdout).toMatch(/other\.yaml:\d+:\d+ id: id "mini-ads" must equal the file name "other"/);
    expect(sub.stdout).toContain(`Not read: ${join(dir, 'sub', 'deeper')}/.`);
  });

  it('in a pack, the subfolders of its prompts/ and rubrics/; a folder named like a YAML file is an unreadable file, not a subfolder', async () => {
    const pack = join(home, 'pack');
    mkdirSync(join(pack, 'prompts', 'drafts'), { recursive: true });
    mkdirSync(join(pack, 'rubrics', 'odd.yaml'), { recursive: true });
    copyFileSync(miniAds, join(pack, 'prompts', 'mini-ads.yaml'));
    const r = await runMlsd(home, ['rubrics', 'validate', pack]);
    expect(r.stdout).toMatch(/2 files checked \(1 prompt, 0 rubrics, 1 could not be read\)/);
    expect(r.stdout).toContain(`Not read: ${join(pack, 'prompts', 'drafts')}/.`);
    expect(r.stdout).not.toContain('odd.yaml/');
  });

  it('says nothing when there is no subfolder', async () => {
    rmSync(join(dir, 'sub'), { recursive: true });
    expect((await runMlsd(home, ['prompts', 'validate', dir])).stdout).not.toMatch(/Not read/);
  });
});

describe('validate names what it was given', () => {
  it('a folder with no .yaml files in it is a usage error (exit 2), not a pass of 0 files', async () => {
    const empty = join(home, 'empty');
    mkdirSync(join(empty, 'nested'), { recursive: true });
    const r = await runMlsd(home, ['prompts', 'validate', empty]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${empty}: no prompt files (.yaml) to check (subfolders are not read: ${join(empty, 'nested')})`);
  });

  it('a file in a named folder that cannot be read is named from that folder, as the files read are', async () => {
    mkdirSync(join(dir, 'folder.yaml'));
    // Named by a relative path: both files keep it (before, the unreadable one was named by its absolute path).
    const named = relative(process.cwd(), dir);
    const r = await runMlsd(home, ['prompts', 'validate', named]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/folder\\.yaml:1:1 cannot read`, 'm'));
    const json = JSON.parse((await runMlsd(home, ['prompts', 'validate', named, '--json'])).stdout) as { files: string[]; unreadable: string[] };
    expect(json.files).toEqual([join(named, 'mini-ads.yaml')]);
    expect(json.unreadable).toEqual([join(named, 'folder.yaml')]);
  });
});

describe('a subfolder named too (tryout 6)', () => {
  it('is read, and not listed as a subfolder not read', async () => {
    copyFileSync(miniAds, join(dir, 'sub', 'deeper', 'mini-ads-2.yaml'));
    const r = await runMlsd(home, ['prompts', 'validate', dir, join(dir, 'sub'), '--json']);
    const json = JSON.parse(r.stdout) as { files: string[]; subfoldersNotRead: string[] };
    expect(json.files).toContain(join(dir, 'sub', 'other.yaml'));
    expect(json.subfoldersNotRead).toEqual([join(dir, 'sub', 'deeper')]);
  });
});
