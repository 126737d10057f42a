/** Moved: answers are read into claims in src/reading/. Kept so existing imports still work. */
export { afterLeadingLabel, analyze, isStatement, labelledList, type Analysis, type Sentence } from '../reading/claims.js';
export { normalize, tokenize, type Separator, type Token } from '../reading/tokens.js';
