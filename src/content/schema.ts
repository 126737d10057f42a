import { z } from 'zod';
import { STAGE_IDS } from '../stages.js';

// Strict objects everywhere: a typo in a field name must be an error, never silently ignored.

const kebabId = z
  .string({ error: 'expected an id (a string)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a kebab-case id such as "cold-start"' });

const text = (what: string) =>
  z.string({ error: `expected ${what} (a string)` }).trim().min(1, { error: `${what} must not be empty` });

const textList = (what: string, min = 1) =>
  z
    .array(text(what), { error: `expected a list of ${what}` })
    .min(min, { error: `list at least ${min} ${what}` });

export const stageIdSchema = z.enum(STAGE_IDS, {
  error: `expected one of the stage ids: ${STAGE_IDS.join(', ')}`,
});

/**
 * An item's tier: the seniority at which an interviewer expects it (`core` from everyone, `senior`, `staff`).
 * Written as `level:` in rubric YAML. Not the candidate's level (mid/senior/staff, `CandidateLevel` in
 * scoring/report.ts), which weighs tiers in scoring/verdict.ts.
 */
export const itemTierSchema = z.enum(['core', 'senior', 'staff'], {
  error: 'expected one of: core, senior, staff',
});

/** The kind of prediction a prompt asks for: hints, follow-ups and some items depend on it. */
export const PROBLEM_TYPES = ['classification', 'ranking', 'regression', 'retrieval', 'detection', 'generation'] as const;
export const problemTypeSchema = z.enum(PROBLEM_TYPES, { error: `expected one of: ${PROBLEM_TYPES.join(', ')}` });

// What an item says instead for one problem type ("define the target" rather than "positive and negative labels").
const itemWordingSchema = z.strictObject({
  why: text('why it matters').optional(),
  hint: text('a hint').optional(),
  followUp: text('a follow-up question').optional(),
});
const byProblemTypeShape = Object.fromEntries(PROBLEM_TYPES.map((t) => [t, itemWordingSchema.optional()])) as {
  [K in (typeof PROBLEM_TYPES)[number]]: z.ZodOptional<typeof itemWordingSchema>;
};

export const rubricItemSchema = z.strictObject({
  id: kebabId,
  stage: stageIdSchema,
  label: text('a label'),
  weight: z
    .number({ error: 'expected a weight (a number)' })
    .positive({ error: 'weight must be greater than 0' })
    .max(10, { error: 'weight must be at most 10' }),
  level: itemTierSchema.default('core'),
  phrases: textList('phrases'),
  minMatches: z
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(1, { error: 'minMatches must be at least 1' })
    .default(1),
  // A risk to guard against (leakage, drift): "no leakage" or "without drift" still covers it.
  risk: z.boolean({ error: 'expected true or false' }).default(false),
  // A rate said with its present value ("the click rate is about 1%") describes the data, not a metric
  // chosen: such a phrase earns nothing here (scoring/stated-value.ts).
  valuesAreData: z.boolean({ error: 'expected true or false' }).optional(),
  why: text('why it matters'),
  hint: text('a hint'),
  followUp: text('a follow-up question'),
  // The problem types the item applies to; absent, it applies to all. Elsewhere it is not scored nor asked.
  problemTypes: z.array(problemTypeSchema, { error: 'expected a list of problem types' }).min(1).optional(),
  // Wordings for particular problem types, replacing why / hint / followUp there.
  byProblemType: z.strictObject(byProblemTypeShape).optional(),
});

const severitySchema = z.enum(['minor', 'major'], { error: 'expected minor or major' });

export const redFlagSchema = z.strictObject({
  id: kebabId,
  label: text('a label'),
  stage: stageIdSchema.optional(),
  phrases: textList('trigger phrases'),
  unless: z.array(text('phrases'), { error: 'expected a list of phrases' }).default([]),
  unlessItems: z.array(kebabId, { error: 'expected a list of item ids' }).default([]),
  // A trigger counts only when one of these is said in the same clause ("shuffle" with "split").
  near: z.array(text('phrases'), { error: 'expected a list of phrases' }).default([]),
  // A trigger is a correction, not a mistake, when one of these is in its clause ("instead of a random split").
  unlessNear: z.array(text('phrases'), { error: 'expected a list of phrases' }).default([]),
  // Corrections that read the trigger in its everyday sense ("trading accuracy against latency", "better
  // accuracy but slower"): they clear it as unlessNear ones do, except in a clause with a roleNear phrase.
  everydayNear: z.array(text('phrases'), { error: 'expected a list of phrases' }).default([]),
  // Phrases that state the trigger in the very role the flag is about ("accuracy is our main metric", "we
  // choose the model with better accuracy"): in their clause the everydayNear phrases clear nothing.
  roleNear: z.array(text('phrases'), { error: 'expected a list of phrases' }).default([]),
  // Like near, but only in an answer that covers none of the ruledOut items: "we roll it out to all users
  // at once" is a launch with no test when no test is named anywhere.
  nearWithoutRuledOut: z.array(text('phrases'), { error: 'expected a list of phrases' }).default([]),
  // Words that rank a choice first ("primary", "main", "choose models by"). In the trigger's own part of
  // its clause they make it the first choice, and only corrections in that part clear it: "accuracy is the
  // primary metric and PR AUC is secondary" (scoring/clause-part.ts).
  leadNear: z.array(text('phrases'), { error: 'expected a list of phrases' }).default([]),
  // The choices that should come first (PR AUC, log loss): where the answer ranks one of them first (a
  // leadNear phrase in its part) and not the trigger, the trigger is one metric among others, no mistake.
  rivals: z.array(text('phrases'), { error: 'expected a list of phrases' }).default([]),
  // The unlessNear phrases name other work a matched job does ("retrain", "export"): they clear the
  // trigger only when that is all the job does ("we batch-score and retrain nightly" still scores in batch).
  otherWork: z.boolean({ error: 'expected true or false' }).optional(),
  // A trigger that is the verb of a relative clause on a preposition's object names a thing, not a decision:
  // "recall at the threshold we would ship" is no launch (scoring/relative-clause.ts).
  relativeClause: z.boolean({ error: 'expected true or false' }).optional(),
  // Concepts that raise the flag too, in any order within one clause: word groups (alternatives joined
  // by "|") that must all stand within a few words ("rate|average computed all|whole|entire log|data").
  patterns: z.array(text('patterns'), { error: 'expected a list of patterns' }).default([]),
  // The flag also fires when one of these items is ruled out in words ("we don't need an A/B test").
  ruledOut: z.array(kebabId, { error: 'expected a list of item ids' }).default([]),
  // The flag applies only to prompts whose scope has these items (accuracy needs a class imbalance).
  needsItems: z.array(kebabId, { error: 'expected a list of item ids' }).default([]),
  severity: severitySchema.default('minor'),
  why: text('why it is a red flag'),
});

/**
 * A clarification topic that stands for items: a clarifying question the prompt routes to this topic
 * earns them (scoring/topics.ts), unless the prompt's clarification lists its own `covers`. So prompts
 * need not repeat that a question on scale covers `scale`.
 */
export const topicSchema = z.strictObject({
  topic: kebabId,
  covers: z.array(kebabId, { error: 'expected a list of item ids' }).min(1, { error: 'list at least one item id' }),
});

/**
 * The red flag the scorer raises from an answer's form rather than its phrases: a stage answered with a
 * bare list of terms (`severity`), or a whole answer without stages that is one (`wholeAnswerSeverity`).
 * Its label reads "<stage title>: <label>", or "The answer is <label>".
 */
export const listFlagSchema = z.strictObject({
  id: kebabId,
  label: text('a label'),
  severity: severitySchema.default('minor'),
  wholeAnswerSeverity: severitySchema.default('major'),
  why: text('why it is a red flag'),
});

export const rubricSchema = z.strictObject({
  id: kebabId,
  title: text('a title'),
  description: z.string({ error: 'expected a description (a string)' }).optional(),
  items: z.array(rubricItemSchema, { error: 'expected a list of items' }).min(1, { error: 'list at least one item' }),
  redFlags: z.array(redFlagSchema, { error: 'expected a list of red flags' }).default([]),
  /** Clarification topics and the items a question on each earns (see topicSchema). */
  topics: z.array(topicSchema, { error: 'expected a list of topics' }).default([]),
  /** The list-of-terms red flag (see listFlagSchema); the framework rubric declares it. */
  listFlag: listFlagSchema.optional(),
});

export const clarificationSchema = z.strictObject({
  topic: kebabId,
  patterns: textList('question patterns'),
  answer: text('the interviewer\'s answer'),
  covers: z.array(kebabId, { error: 'expected a list of item ids' }).optional(),
});

const outlineShape = Object.fromEntries(STAGE_IDS.map((id) => [id, textList(`outline points for ${id}`)])) as {
  [K in (typeof STAGE_IDS)[number]]: ReturnType<typeof textList>;
};

export const promptSchema = z.strictObject({
  id: kebabId,
  title: text('a title'),
  prompt: text('the prompt as the interviewer says it'),
  tags: z.array(kebabId, { error: 'expected a list of tags' }).default([]),
  difficulty: z.enum(['easy', 'medium', 'hard'], { error: 'expected easy, medium or hard' }),
  /** What the model predicts: items, hints and follow-ups fit it (see rubric items' problemTypes). */
  problemType: problemTypeSchema.optional(),
  rubrics: z.array(kebabId, { error: 'expected a list of rubric ids' }).default([]),
  clarifications: z
    .array(clarificationSchema, { error: 'expected a list of clarifications' })
    .min(1, { error: 'list at least one clarification' }),
  outline: z.strictObject(outlineShape),
  /** Items of its rubrics that do not fit this prompt (class imbalance in a regression). */
  notApplicable: z.array(kebabId, { error: 'expected a list of item ids' }).default([]),
});

export type RubricItem = z.output<typeof rubricItemSchema>;
export type RedFlag = z.output<typeof redFlagSchema>;
export type ListFlag = z.output<typeof listFlagSchema>;
export type Topic = z.output<typeof topicSchema>;
export type Rubric = z.output<typeof rubricSchema>;
export type Clarification = z.output<typeof clarificationSchema>;
export type Prompt = z.output<typeof promptSchema>;
export type ItemTier = z.output<typeof itemTierSchema>;
export type ProblemType = z.output<typeof problemTypeSchema>;
