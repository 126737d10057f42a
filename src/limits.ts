// Size caps on what mlsd reads, shared by the content parser (src/content/) and the file readers (src/files/),
// so it sits below both (docs/architecture.md, Layers).

/** Content files are small YAML documents; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1_000_000;
