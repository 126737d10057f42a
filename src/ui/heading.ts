import type { Style } from './style.js';
import { wrap } from './wrap.js';

/** A title and its details on one line when they fit in `width`, else the details wrapped under it. */
export function headerLines(title: string, details: string, width: number, style: Style): string[] {
  return title.length + 5 + details.length <= width ? [style.bold(title) + style.dim(`  ·  ${details}`)] : [style.bold(title), ...wrap(details, width, '  ').map(style.dim)];
}
