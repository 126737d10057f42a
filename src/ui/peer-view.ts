import { formatClock } from '../text/clock-format.js';
import { clocks, MARK_WORD, type PeerSheet, type PeerSheetState, type SheetFact } from '../interview/peer-sheet.js';
import { PEER_MARK } from './status-marks.js';
import { STAGE_IDS, STAGES, stageInfo, type StageId } from '../stages.js';
import { clean } from './peer-clean.js';
import { sheetRows, type Row, type SheetView } from './peer-keys.js';
import type { Style } from './style.js';
import { visibleLength, wrap } from './wrap.js';

/**
 * The interviewer's screen as lines: the briefing before the clock starts, then the live sheet of
 * one stage at a time. Pure: it returns exactly the lines to draw, never more than the screen has,
 * none wider than it, so nothing ever scrolls away. Everything from files passes through clean().
 */

/** What the screen shows about the interview, also before the sheet's clock has started. */
export interface Briefing {
  title: string;
  prompt: string;
  outline: Record<StageId, readonly string[]>;
  facts: readonly SheetFact[];
  level: string;
  candidate: string | null;
  durationMs: number;
  budgets: Record<StageId, number>;
}

export interface ScreenContext {
  sheet: PeerSheet;
  briefing: Briefing;
  style: Style;
  width: number;
  height: number;
}

const SHORT: Record<StageId, string> = { clarify: 'Clarify', frame: 'Frame', data: 'Data', model: 'Model', evaluation: 'Eval', serving: 'Serving', monitoring: 'Monitor' };

/** The keys, as the sheet's footer lists them (and `--help` explains them). */
export const SHEET_KEYS = ['↑↓ move', 'c covered', 'p after prompting', 'w wrong / heard flag', 'space undo', 'n note', 'f fact', '←→ or 1-7 stage', 'b briefing', 'e end', 'Ctrl-C pause'];

/** The keys packed into as few lines as the width allows. */
function keyLines(width: number, keys: readonly string[] = SHEET_KEYS): string[] {
  const lines: string[] = [];
  for (const k of keys) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 2 + k.length <= width) lines[lines.length - 1] = `${last}  ${k}`;
    else lines.push(k);
  }
  return lines;
}
export const BRIEFING_KEYS = '↑↓ scroll  o outline  Enter start the clock  Ctrl-C quit';

export function renderScreen(state: PeerSheetState | null, view: SheetView, ctx: ScreenContext): string[] {
  const width = Math.max(20, ctx.width);
  const height = Math.max(8, ctx.height);
  const lines = view.mode === 'briefing' || !state ? renderBriefing(state, view, ctx, width, height) : renderSheet(state, view, ctx, width, height);
  return lines.slice(0, height).map((l) => clip(l, width));
}

function renderBriefing(state: PeerSheetState | null, view: SheetView, ctx: ScreenContext, width: number, height: number): string[] {
  const { style, briefing: b } = ctx;
  const who = b.candidate ? ` · with ${clean(b.candidate)}` : '';
  const name = `Briefing · ${clean(b.title)}`;
  const details = `${who} · ${b.level} · ${formatClock(b.durationMs)}`;
  // One row when it fits; on a narrow screen the title wrapped at words, then who, level and length below.
  const title =
    visibleLength(name + details) <= width
      ? [style.bold(name) + style.dim(details)]
      : [...wrap(name, width, '  ', '').map(style.bold), ...wrap(details.replace(/^ · /, ''), width, '  ', '').map(style.dim)];
  // Once the clock runs, the briefing shows it too: it keeps running while the briefing is open.
  const head = state ? [...spreadOrStack(title[0]!, `${formatClock(Math.max(0, clocks(state).left))} left`, width), ...title.slice(1)] : title;
  const body: string[] = [];
  body.push(style.bold('Read this out, word for word:'));
  body.push(...wrap(`“${clean(b.prompt)}”`, width, '  ').map(style.cyan));
  body.push('', style.bold('Stages and time budgets'));
  body.push(...wrap(STAGES.map((s, i) => `${i + 1} ${s.title} ${formatClock(b.budgets[s.id])}`).join(' · '), width, '  '));
  body.push('');
  if (view.outlineOpen) {
    body.push(style.bold('What a strong answer covers') + style.dim('  (o hides)'));
    for (const s of STAGES) {
      body.push(`  ${style.bold(s.title)}`);
      for (const point of b.outline[s.id]) body.push(...wrap(clean(point), width, '      ', '    - '));
    }
  } else {
    body.push(style.bold('What a strong answer covers') + style.dim('  (o shows it, stage by stage)'));
  }
  body.push('', style.bold('Facts to give only when asked') + style.dim('  (f finds one during the interview)'));
  for (const f of b.facts) body.push(...wrap(`${clean(f.topic).replace(/-/g, ' ')}: ${clean(f.answer)}`, width, '      ', '  • '));
  body.push('', style.bold('How to run it'));
  for (const tip of [
    'Read the prompt, then let them ask. Give a fact only when they ask for it; otherwise ask them to state an assumption.',
    'Mark what you hear: c covered, p covered only after you prompted, w wrong. The same key again takes a mark off.',
    'When they stall, ask the follow-up shown for the heaviest open item. Mark the red flags you hear with w.',
    'Move on (→) when the stage budget is up; they may wander ahead or back, so jump with 1-7.',
  ]) body.push(...wrap(tip, width, '    ', '  • '));
  // The keys on as many rows as the width needs, each key whole (at 30 columns "Enter start the clock" was cut).
  const footer = keyLines(width, (view.started ? '↑↓ scroll  o outline  Enter or b back to the sheet  Ctrl-C pause' : BRIEFING_KEYS).split('  ')).map(style.dim);
  const room = height - head.length - footer.length;
  const maxScroll = Math.max(0, body.length - room);
  const scroll = Math.min(view.briefingScroll, maxScroll);
  const shown = body.slice(scroll, scroll + room);
  if (scroll > 0) shown[0] = style.dim(`  ↑ ${scroll} more above`);
  if (scroll < maxScroll) shown[shown.length - 1] = style.dim(`  ↓ ${body.length - scroll - room + 1} more below`);
  while (shown.length < room) shown.push('');
  return [...head, ...shown, ...footer];
}

function renderSheet(state: PeerSheetState, view: SheetView, ctx: ScreenContext, width: number, height: number): string[] {
  const { style, sheet, briefing: b } = ctx;
  const stage = state.stage;
  const info = stageInfo(stage);
  const { left, stageLeft } = clocks(state);

  // 1: who and the clocks.
  const who = state.candidate ? ` · ${clean(state.candidate)}` : '';
  const clockColor = left <= 60_000 ? style.red : left <= 5 * 60_000 ? style.yellow : (s: string) => s;
  const stageClock = stageLeft >= 0 ? `stage ${formatClock(stageLeft)}` : style.yellow(`stage over by ${formatClock(-stageLeft)}`);
  const status = state.status === 'interrupted' ? style.yellow(' PAUSED') : state.status === 'timed-out' ? style.red(" TIME'S UP") : '';
  const right = `${clockColor(`${formatClock(Math.max(0, left))} left`)} · ${stageClock}${status}`;
  const leftText = style.bold(`Interview${who} · ${clean(b.title)}`) + style.dim(` · ${state.level}`);
  const header = spreadOrStack(leftText, right, width);

  // 2: the stages, with how many marks each has.
  const tabs = packTabs(STAGE_IDS.map((id, i) => {
    const marks = sheet.allItems.filter((item) => item.stage === id && state.marks[item.id]).length;
    const text = `${i + 1}.${SHORT[id]}${marks > 0 ? `(${marks})` : ''}`;
    return id === stage ? style.bold(`[${text}]`) : state.visited.includes(id) ? ` ${text} ` : style.dim(` ${text} `);
  }), width);

  // 3: the last warning, or where to find the clock's news.
  const message = view.message ? (view.message.kind === 'warning' ? style.yellow(`⚠ ${view.message.text}`) : style.dim(view.message.text)) : '';

  // 4-5: the stage and what to ask to open it.
  const used = state.stageMs[stage] ?? 0;
  const titleText = `${STAGE_IDS.indexOf(stage) + 1}/7 ${info.title}`;
  const budget = `${formatClock(used)} of ${formatClock(state.budgets[stage])}`;
  const title = visibleLength(`${titleText}  ·  ${budget}`) <= width ? [`${style.bold(titleText)}${style.dim(`  ·  ${budget}`)}`] : [style.bold(titleText), style.dim(`  · ${budget}`)];
  const ask = stage === 'clarify' ? 'Open with the prompt (b shows it), then let them ask.' : `Ask: “${info.question}”`;

  // The stage's question, read out too: two rows at most, and a cut one ends in "…".
  const askLines = wrap(ask, width, '  ', '');
  const askRows = (askLines.length > 2 ? [askLines[0]!, ellipsis(askLines[1]!, width)] : askLines).map(style.cyan);
  let top = [...header, ...tabs, message, ...title, ...askRows];
  let footer = footerLines(state, view, style, width, sheet);
  // A stage note being typed is in its box below: "n writes one" would say it is not there.
  const typingNote = view.input?.purpose === 'note' && (view.mode === 'input' || view.mode === 'paused');
  const noteLine = state.notes[stage] ? `${style.bold('Note:')} ${clean(state.notes[stage]!)}` : style.dim(typingNote ? 'Note: (being typed, below)' : 'Note: (n writes one)');
  let notes = [noteLine];
  // A fact to read out that does not fit under one row of the list takes the rows that matter less while
  // it is on screen (only until the next key): an empty message row, the stage's question, the note, and
  // the keys but one row that says so.
  const factNeed = view.fact ? readOutLines(view.fact.answer, style, width).length : 0;
  if (view.fact && factNeed + 1 > height - top.length - footer.length - notes.length) {
    top = [...header, ...tabs, ...(message ? [message] : []), ...title];
    notes = [];
    if (view.mode === 'sheet' && state.status === 'active') footer = [style.dim(clip('The fact stays until the next key.', width))];
  }
  const room = height - top.length - footer.length - notes.length;

  // The panel under the list: a looked-up fact, or the follow-ups to ask.
  const followUps = view.fact ? [] : followUpPanel(state, sheet, style, width);
  const panel = view.fact ? factPanel(view.fact, style, width) : followUps.flat();
  const rows = sheetRows(sheet, state);
  const listNeed = rows.length + (rows.some((r) => r.kind === 'flag') ? 1 : 0);
  const panelWant = view.fact ? panel.length : Math.min(panel.length, 5);
  // A fact being read out takes the checklist's room down to one row (its "more" count), or none when
  // the fact needs that row too: it is read word for word.
  const listMin = view.fact ? (factNeed + 1 <= room ? 1 : 0) : 3;
  // The follow-ups keep their heading and the first one's rows (the list keeps a row or more): they are read out too.
  const panelMin = view.fact ? 0 : Math.min(panel.length, 1 + (followUps[1]?.length ?? 0));
  const listRoom = Math.min(listNeed, Math.max(listMin, room - panelWant), Math.max(1, room - panelMin));
  const panelRoom = Math.max(0, room - listRoom);
  const list = renderList(rows, state, view, style, width, listRoom);
  const shownPanel = view.fact ? fitFact(view.fact, style, width, panelRoom) : cutPanel(followUps, panelRoom, style);
  while (list.length + shownPanel.length < room) shownPanel.push('');
  return [...top, ...list, ...shownPanel, ...notes, ...footer];
}

/**
 * The fact panel in `room` rows: whole when it fits; else without the question asked; else the fact's
 * first rows with the last one ending in "…", so a cut is always seen (b shows every fact in full).
 */
function fitFact(fact: { question: string; answer: string }, style: Style, width: number, room: number): string[] {
  const whole = factPanel(fact, style, width);
  if (whole.length <= room) return whole;
  const readOut = readOutLines(fact.answer, style, width);
  if (readOut.length <= room || room <= 0) return readOut.slice(0, Math.max(0, room));
  return [...readOut.slice(0, room - 1), style.cyan(style.bold(ellipsis(wrap(`Read out: ${clean(fact.answer)}`, width, '  ')[room - 1]!, width)))];
}

/**
 * The follow-up panel in `room` rows: the heading, then whole follow-ups, heaviest first, and a last row
 * counting those left out; the first follow-up is kept whole before that count.
 */
function cutPanel(groups: readonly string[][], room: number, style: Style): string[] {
  const all = groups.flat();
  if (all.length <= room) return all;
  const out = [...(groups[0] ?? [])];
  let next = 1;
  while (next < groups.length && out.length + groups[next]!.length + 1 <= room) out.push(...groups[next++]!);
  if (next === 1 && groups[1] && out.length + groups[1].length <= room) out.push(...groups[next++]!);
  const hidden = groups.length - next;
  if (hidden > 0 && out.length < room) out.push(style.dim(`    ↓ ${hidden} more to ask`));
  return out.slice(0, Math.max(0, room));
}

/** A line of text with " …" at its end, cut so that the whole fits the width. */
function ellipsis(line: string, width: number): string {
  const text = line.trimEnd();
  return text.length + 2 <= width ? `${text} …` : `${text.slice(0, Math.max(0, width - 2))} …`;
}

function renderList(rows: Row[], state: PeerSheetState, view: SheetView, style: Style, width: number, room: number): string[] {
  const cursor = Math.min(view.cursor[state.stage] ?? 0, Math.max(0, rows.length - 1));
  const lines: Array<{ text: string; row: number }> = [];
  let flagsHeaderDone = false;
  rows.forEach((row, i) => {
    if (row.kind === 'flag' && !flagsHeaderDone) {
      flagsHeaderDone = true;
      lines.push({ text: style.bold('Listen for (red flags)'), row: -1 });
    }
    lines.push({ text: rowLine(row, i === cursor, state, style, width), row: i });
  });
  if (lines.length <= room) return lines.map((l) => l.text);
  // A window around the cursor, with what is above and below counted. The cursor's row is always
  // shown, since c, p and w mark it: one row is that row alone, two are it and one count.
  const at = lines.findIndex((l) => l.row === cursor);
  if (room <= 0) return [];
  if (room === 1) {
    const hidden = ` +${lines.length - 1} more`;
    return [`${clip(lines[at]!.text, Math.max(1, width - hidden.length))}${style.dim(hidden)}`];
  }
  if (room === 2) return at > 0 ? [style.dim(`   ↑ ${at} more`), lines[at]!.text] : [lines[at]!.text, style.dim(`   ↓ ${lines.length - 1} more`)];
  const start = Math.max(0, Math.min(at - Math.floor(room / 2), lines.length - room));
  const out = lines.slice(start, start + room).map((l) => l.text);
  if (start > 0) out[0] = style.dim(`   ↑ ${start + 1} more`);
  const below = lines.length - (start + room);
  if (below > 0) out[out.length - 1] = style.dim(`   ↓ ${below + 1} more`);
  return out;
}

function rowLine(row: Row, selected: boolean, state: PeerSheetState, style: Style, width: number): string {
  const pointer = selected ? style.bold('▸') : ' ';
  if (row.kind === 'item') {
    const mark = state.marks[row.item.id];
    const symbol = mark ? PEER_MARK[mark.mark] : '·';
    const color = !mark ? style.dim : mark.mark === 'covered' ? style.green : mark.mark === 'prompted' ? style.yellow : style.red;
    const level = row.item.level === 'core' ? '' : style.dim(` [${row.item.level}]`);
    const noted = mark?.note ? `: ${clean(mark.note)}` : '';
    // The note shortens first on a narrow sheet, so the item's label keeps room (the note is whole in the report).
    const noteRoom = Math.max(0, Math.min(28, width - 32));
    const word = mark ? color(`${MARK_WORD[mark.mark]}${noted.length > noteRoom ? (noteRoom > 3 ? `${noted.slice(0, noteRoom - 1)}…` : '') : noted}`) : '';
    const label = `${pointer} ${color(symbol)} ${selected ? style.bold(clean(row.item.label)) : clean(row.item.label)}${level}`;
    return spread(label, word, width);
  }
  const heard = state.flags[row.flag.id];
  const severity = row.flag.severity === 'major' ? 'major' : 'minor';
  const label = `${pointer} ${heard ? style.red('▲') : style.dim('△')} ${selected ? style.bold(clean(row.flag.label)) : clean(row.flag.label)}`;
  const noted = heard?.note ? `: ${clean(heard.note)}` : '';
  return spread(label, heard ? style.red(`heard${noted.length > 24 ? `${noted.slice(0, 23)}…` : noted} · ${severity}`) : style.dim(severity), width);
}

/** The follow-ups to ask, as groups of rows: the heading (or "everything marked"), then one group per open item. */
function followUpPanel(state: PeerSheetState, sheet: PeerSheet, style: Style, width: number): string[][] {
  const open = sheet.open(state, state.stage);
  if (open.length === 0) return [[style.green('Everything on this stage is marked. Move on when they are ready (→).')]];
  const out = [[style.bold('Ask next') + style.dim(' (heaviest open first)')]];
  for (const item of open) {
    // Two rows each; a follow-up cut there ends in "…", so the interviewer sees there is more to it.
    const lines = wrap(`${clean(item.label)}: ${clean(item.followUp)}`, width, '    ', '  • ');
    out.push(lines.length > 2 ? [lines[0]!, ellipsis(lines[1]!, width)] : lines);
  }
  return out;
}

function factPanel(fact: { question: string; answer: string }, style: Style, width: number): string[] {
  return [...wrap(`They asked: ${clean(fact.question)}`, width, '  ').map(style.dim), ...readOutLines(fact.answer, style, width)];
}

function readOutLines(answer: string, style: Style, width: number): string[] {
  return wrap(`Read out: ${clean(answer)}`, width, '  ').map((l) => style.cyan(style.bold(l)));
}

/** The box a note or question is typed in: its label and the end of its text that fits the width. */
function inputBox(state: PeerSheetState, input: NonNullable<SheetView['input']>, width: number): { label: string; text: string; shown: string } {
  const label = { fact: 'They ask:', note: `Note on ${stageInfo(state.stage).title}:`, 'flag-note': 'What they said (optional):', 'wrong-note': 'What was wrong (optional):' }[input.purpose];
  const text = clean(input.text);
  const roomForText = Math.max(10, width - visibleLength(label) - 3);
  return { label, text, shown: text.length > roomForText ? `…${text.slice(text.length - roomForText + 1)}` : text };
}

function footerLines(state: PeerSheetState, view: SheetView, style: Style, width: number, sheet: PeerSheet): string[] {
  if (view.mode === 'input' && view.input) {
    const { label, text, shown } = inputBox(state, view.input, width);
    if (view.input.purpose === 'fact') {
      // As the words come, the fact they point at: Enter shows it in full.
      const found = text.trim() ? sheet.lookup(text) : null;
      if (found?.topic) return [`${style.bold(label)} ${shown}█`, style.cyan(`→ ${clean(found.topic).replace(/-/g, ' ')}: ${clean(found.answer)}`)];
      return [`${style.bold(label)} ${shown}█`, ...wrap('Type a few words of their question · Enter look it up · Esc cancel', width).map(style.dim)];
    }
    return [`${style.bold(label)} ${shown}█`, style.dim('Enter save · Esc cancel')];
  }
  // The question and its keys wrapped at words, never cut: "y: yes" must show.
  if (view.mode === 'confirm-end') return [...wrap('End the interview now and show the report? y: yes, any other key: no', width).map((l) => style.yellow(style.bold(l))), ''];
  if (view.mode === 'paused' || state.status === 'interrupted') {
    // A note or question being typed when it paused (or when it stopped, on resume) stays in its box, on
    // screen: it is kept, and any key but q goes back to it.
    const box = view.input ? inputBox(state, view.input, width) : null;
    // Wrapped at words, never cut: the id is what `mlsd resume` needs.
    return [
      ...(box ? [`${style.bold(box.label)} ${box.shown}`] : []),
      ...wrap(`Paused; everything is saved (${state.id}).`, width).map((l) => style.yellow(style.bold(l))),
      ...wrap('q or Ctrl-C quit (mlsd resume continues) · any other key: carry on', width).map(style.dim),
    ];
  }
  if (state.status === 'timed-out') return [...wrap("Time's up. Finish your marks, then e: end and show the report.", width).map((l) => style.red(style.bold(l))), style.dim(keyLines(width)[0]!)];
  return keyLines(width).map(style.dim);
}

/** Left and right text on one row when both fit whole; else the left one (cut to the width) above the right one. */
function spreadOrStack(left: string, right: string, width: number): string[] {
  return visibleLength(left) + visibleLength(right) + 2 <= width ? [spread(left, right, width)] : [clip(left, width), right];
}

/** The stage tabs on as few rows as the width allows, each tab whole. */
function packTabs(tabs: readonly string[], width: number): string[] {
  const rows: string[] = [];
  for (const tab of tabs) {
    const last = rows.at(-1);
    if (last !== undefined && visibleLength(last) + visibleLength(tab) <= width) rows[rows.length - 1] = `${last}${tab}`;
    else rows.push(tab);
  }
  return rows;
}

/** Left and right text on one line, the right one flush with the edge when there is room. */
function spread(left: string, right: string, width: number): string {
  if (!right) return left;
  if (visibleLength(left) + visibleLength(right) + 2 > width) left = clip(left, Math.max(1, width - visibleLength(right) - 2));
  const gap = width - visibleLength(left) - visibleLength(right);
  return gap >= 2 ? `${left}${' '.repeat(gap)}${right}` : `${left}  ${right}`;
}

// eslint-disable-next-line no-control-regex
const ESCAPE = /^\u001b\[[0-9;]*m/;

/** Cuts a styled line to a number of visible columns, keeping its escape sequences balanced. */
export function clip(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  let out = '';
  let shown = 0;
  let i = 0;
  while (i < line.length) {
    const escape = ESCAPE.exec(line.slice(i));
    if (escape) {
      out += escape[0];
      i += escape[0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(i)!);
    if (shown >= width - 1) break;
    out += char;
    shown++;
    i += char.length;
  }
  return `${out}…${line.includes('\u001b[') ? '\u001b[0m' : ''}`;
}
