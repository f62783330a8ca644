// Making invisible and terminal-controlling characters visible: the one function every terminal and Markdown output
// passes user text through. In: any text. Out: the same text with C0/C1 controls (but newline and tab), DEL, and the
// bidirectional and other format controls written as `\u001b`, `\u202e`, … so they are shown, never obeyed.

/**
 * Control characters a terminal obeys (ESC starts OSC 8 links and title changes, CR overwrites a line), and the bidi
 * controls and invisible format characters that reorder or hide text (U+202E, U+2066…U+2069, U+200B…U+200F, U+FEFF).
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

function code(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `s` with every control and format character written as `\uXXXX` (newline and tab kept). */
export function visibleControls(s: string): string {
  return s.replace(CONTROLS, code);
}

/** The colour sequences of a terminal (SGR, `ESC [ … m`): the only escapes our own output writes. */
const SGR = /\u001b\[[0-9;]*m/y;

/**
 * `visibleControls` for a stream that may hold this program's own colours: with `keepColours`, SGR sequences stay
 * (their text was made visible before it was painted); every other escape, link, title or bidi control is shown.
 */
export function visibleForTerminal(s: string, keepColours: boolean): string {
  if (!keepColours) return visibleControls(s);
  let out = '';
  let last = 0;
  for (let i = s.indexOf('\u001b'); i !== -1; i = s.indexOf('\u001b', i + 1)) {
    SGR.lastIndex = i;
    if (!SGR.test(s)) continue;
    out += visibleControls(s.slice(last, i)) + s.slice(i, SGR.lastIndex);
    last = SGR.lastIndex;
    i = last - 1;
  }
  return out + visibleControls(s.slice(last));
}
