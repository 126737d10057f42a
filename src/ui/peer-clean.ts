/**
 * The one place the interviewer's sheet makes text from files and from typing safe for the
 * terminal: escape sequences and control characters go, tabs and newlines become spaces. Swap in
 * the shared sanitiser here once there is one.
 */
// eslint-disable-next-line no-control-regex
const SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|[\u0090\u009d\u009e\u009f][^\u009c]*\u009c?|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as it may be shown in one terminal line. */
export function clean(text: string): string {
  return text.replace(SEQUENCES, '').replace(/[\t\n\r]+/g, ' ').replace(CONTROLS, '');
}
