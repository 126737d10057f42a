// Realistic saved sessions for `npm run bench`, written into a temporary directory (never committed).
// Templates come from mlsd's own built modules: practice sessions walked through the interview reducer
// with the fixture answers, and scored answers, written as mlsd saves them (store/session-files.js,
// sessionJson: the current session format), so each file has the shape and size of a real one.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PROMPTS = ['ad-click-prediction', 'video-recommendation', 'fraud-detection', 'news-feed', 'eta-prediction', 'visual-search'];
const KINDS = ['strong', 'modest', 'weak'];

/** Builds session templates (JSON text with placeholders for id and times) from the built modules under root. */
export async function sessionTemplates(root) {
  const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const { buildCatalog } = await dist('content/catalog.js');
  const { rubricsFor } = await dist('content/scope.js');
  const { contentPlaces, readContent } = await dist('files/content-files.js');
  const { resolvePaths } = await dist('files/paths.js');
  const { compileRubrics } = await dist('scoring/compile.js');
  const { scoreAnswers } = await dist('scoring/score.js');
  const { parseAnswers } = await dist('answers/parse.js');
  const { createInterview } = await dist('interview/interview-machine.js');
  const { sessionJson } = await dist('store/session-files.js');
  const env = { MLSD_HOME: '/nonexistent-mlsd-bench', MLSD_PROMPTS_PATH: '' };
  const { files } = await readContent(contentPlaces(resolvePaths(env), env, {}));
  const catalog = buildCatalog(files);
  const templates = [];
  for (const promptId of PROMPTS) {
    const prompt = catalog.prompts.get(promptId)?.value;
    if (!prompt) continue;
    const scope = compileRubrics(rubricsFor(catalog, prompt));
    for (const kind of KINDS) {
      const file = join(root, 'tests', 'fixtures', 'answers', `${promptId}.${kind}.md`);
      let text;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const answers = parseAnswers(text, file).answers;
      // A scored answer (mlsd score --save).
      const report = scoreAnswers({ prompt, scope, answers, level: 'senior' });
      templates.push(sessionJson({
        id: '@ID@', kind: 'score', createdAt: '@AT@', updatedAt: '@AT@', status: 'finished',
        prompt: promptId, level: 'senior', answers, source: { file: `${promptId}.md`, format: 'markdown' }, report,
      }));
      // A practice session: the same answer typed stage by stage, follow-ups answered briefly.
      const interview = createInterview(prompt, scope);
      let now = 1_000_000;
      let state = interview.start({ id: '@ID@', level: 'senior', durationMinutes: 45, now, createdAt: '@AT@' }).state;
      for (const q of ['What is the scale?', 'What latency do we need?', 'Which data do we have?']) {
        now += 20_000;
        state = interview.reduce(state, { type: 'ask', text: q, now }).state;
      }
      let guard = 0;
      while (state.status === 'active' && guard++ < 40) {
        now += 240_000;
        const section = state.phase === 'follow-up' ? 'I would handle that with a simple approach first.' : (answers.sections[state.stage] ?? '');
        state = interview.reduce(state, { type: 'submit', text: section, now }).state;
      }
      templates.push(sessionJson({
        id: '@ID@', kind: 'practice', createdAt: '@AT@', updatedAt: '@AT@', prompt: promptId, level: 'senior',
        status: state.status, answers: interview.answerSet(state), interview: state, report: interview.score(state),
      }));
    }
  }
  if (templates.length === 0) throw new Error('no session templates: are the fixtures and dist/ there?');
  return templates.map((t) => t.split(/"@ID@"|"@AT@"/));
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A session id in mlsd's format (time in base 32, then a counter), unique for each n. */
export function benchId(time, n) {
  let ms = time;
  let id = '';
  for (let i = 0; i < 8; i++) {
    id = ALPHABET[ms % 32] + id;
    ms = Math.floor(ms / 32);
  }
  return id + ALPHABET[Math.floor(n / 32) % 32] + ALPHABET[n % 32];
}

/** Writes `count` sessions into dir, one minute apart from `startMs`; returns the ids written. */
export function writeSessions(dir, templates, count, startMs, offset = 0) {
  mkdirSync(dir, { recursive: true });
  const ids = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const time = startMs + n * 60_000;
    const id = benchId(time, n);
    const at = new Date(time).toISOString();
    writeFileSync(join(dir, `${id}.json`), render(templates[n % templates.length], id, at));
    ids.push(id);
  }
  return ids;
}

function render(parts, id, at) {
  // Each placeholder is either the id or a time; an id placeholder follows `"id": ` in the text before it.
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1];
    const isId = /"id": $/.test(before);
    out += JSON.stringify(isId ? id : at) + parts[i];
  }
  return out;
}
