/** Content files are small YAML documents; anything bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1_000_000;
