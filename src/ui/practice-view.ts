import { ExitPromptError } from '@inquirer/core';
import type { LiveView } from '../interview/live-session.js';
import type { Message } from '../interview/interview-machine.js';
import { openAnswerBox, type BoxTerminal } from './answer-prompt.js';
import { editAnswer } from './external-editor.js';
import { openPlainBox, readPlainLine } from './plain-input.js';
import type { Style } from './style.js';
import { wrap, wrapMessage } from './wrap.js';

/**
 * The live session's view on a real terminal: the transcript, the answer box, the external editor.
 * `plain` (a dumb terminal, TERM=dumb): answers are read line by line (plain-input.ts) and nothing written
 * moves the cursor or switches a terminal mode.
 */
export function terminalView(options: {
  terminal: BoxTerminal;
  style: Style;
  width: () => number;
  editorCommand: string | null;
  now: () => number;
  plain?: boolean;
}): LiveView {
  const { terminal, style } = options;
  const out = (s: string) => terminal.output.write(s);
  return {
    print(messages: Message[]) {
      const width = Math.min(options.width(), 100);
      for (const m of messages) {
        const lines =
          m.kind === 'interviewer'
            ? wrap(`Interviewer: ${m.text}`, width, '  ').map(style.cyan)
            : m.kind === 'warning'
              ? wrap(`⚠ ${m.text}`, width, '  ').map(style.yellow)
              : wrap(m.text, width).map(style.dim);
        out(`\n${lines.join('\n')}\n`);
      }
    },
    note(text: string, noteOptions?: { verbatim?: boolean }) {
      out(`\n${noteOptions?.verbatim ? text : wrapMessage(text, Math.min(options.width(), 100), '')}\n`);
    },
    openBox(boxOptions) {
      return options.plain ? openPlainBox(terminal, boxOptions) : openAnswerBox(terminal, { ...boxOptions, style });
    },
    edit(question, initial) {
      if (!options.editorCommand) {
        return Promise.resolve({ text: '', changed: false, elapsedMs: 0, error: 'neither $VISUAL nor $EDITOR is set' });
      }
      return editAnswer({ command: options.editorCommand, question, initial, now: options.now });
    },
    async editorTrouble(problem) {
      out(`\n${wrap(`⚠ ${problem}`, Math.min(options.width(), 100), '  ').map(style.yellow).join('\n')}\n`);
      if (options.plain) return plainEditorTrouble(terminal);
      const { confirm, select } = await import('@inquirer/prompts');
      // Ctrl-C asks before it quits, as in the answer box; a second Ctrl-C, or y, quits.
      for (;;) {
        try {
          return await select<'retry' | 'inline' | 'empty'>({
            message: 'What now? (the clock is running)',
            choices: [
              { value: 'retry', name: 'Open the editor again' },
              { value: 'inline', name: 'Answer here in the terminal instead (for the rest of the session)' },
              { value: 'empty', name: 'Submit this answer as it is' },
            ],
          });
        } catch (error) {
          if (!(error instanceof ExitPromptError)) throw error;
        }
        try {
          if (await confirm({ message: 'Quit the interview? (it is saved; mlsd resume goes on with it)', default: false })) return null;
        } catch (error) {
          if (error instanceof ExitPromptError) return null;
          throw error;
        }
      }
    },
    restore() {
      try {
        if (!options.plain) terminal.output.write('\u001b[?2004l\u001b[?25h');
        terminal.input.setRawMode?.(false);
      } catch {
        // the terminal is gone (SIGHUP): nothing to restore
      }
    },
  };
}

/** The editor-trouble menu as a line question (a dumb terminal has no menus): r, i, e, or q and the end of input (null: quit). */
async function plainEditorTrouble(terminal: BoxTerminal): Promise<'retry' | 'inline' | 'empty' | null> {
  const choices = { r: 'retry', i: 'inline', e: 'empty', q: null } as const;
  for (;;) {
    const line = await readPlainLine(terminal, 'What now? (the clock is running) r: open the editor again · i: answer here instead (for the rest of the session) · e: submit this answer as it is · q: quit:');
    if (line === null) return null;
    const key = line.trim().toLowerCase()[0];
    if (key !== undefined && key in choices) return choices[key as keyof typeof choices];
  }
}
