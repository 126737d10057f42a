/**
 * The lexicon of the field, apart from the rubric items: how people write the same thing in notes,
 * in full and in short. Content, not code: every entry is written in our own words and is there for
 * a KIND of writing (a note form, a metric's long name, a word used in another sense), never for one
 * sentence of a fixture.
 *
 * Each entry rewrites a run of words (as tokens, lowercase, after NFKC) into the canonical words the
 * rubrics are written in. Answers and rubric phrases go through the same rewrite, so a rubric may use
 * either form. Forms are matched longest first, on whole words, left to right (linear).
 */

export interface LexiconEntry {
  /** The canonical words, space separated ("business", "rmse"). */
  to: string;
  /** Other ways of writing it, each a space-separated run of words. */
  forms: readonly string[];
  /** Forms that are too ambiguous in lower case: applied only when written in capitals ("LR"). */
  capitalsOnly?: readonly string[];
}

/** Abbreviations and note forms: short words people type for long ones. */
export const NOTE_FORMS: readonly LexiconEntry[] = [
  { to: 'business', forms: ['biz', 'bizz'] },
  { to: 'number', forms: ['num', 'nums'] },
  { to: 'previous', forms: ['prev'] },
  // "pt-in-time feats": "pt" alone is as often a part, a patient or PyTorch; only in the run.
  { to: 'point in time', forms: ['pt in time'] },
  { to: 'features', forms: ['feats', 'feat', 'ftrs', 'fts'] },
  { to: 'transactions', forms: ['txns', 'txn', 'trxs', 'trx'] },
  { to: 'impressions', forms: ['imps', 'impr', 'imprs'] },
  { to: 'conversions', forms: ['convs'] },
  { to: 'classifier', forms: ['clf', 'clfs'] },
  { to: 'position bias', forms: ['pos bias', 'posn bias'] },
  { to: 'positive', forms: ['pos'] },
  { to: 'negative', forms: ['neg'] },
  { to: 'positives', forms: ['poss'] },
  { to: 'negatives', forms: ['negs'] },
  { to: 'embedding', forms: ['emb', 'embs', 'embed', 'embeds'] },
  { to: 'candidate', forms: ['cand', 'cands'] },
  { to: 'candidate generation', forms: ['cand gen', 'candidate gen', 'candgen'] },
  { to: 'recommendation', forms: ['rec', 'recs', 'reco', 'recos'] },
  { to: 'information', forms: ['info'] },
  { to: 'evaluation', forms: ['eval', 'evals'] },
  { to: 'requirements', forms: ['reqs', 'req'] },
  { to: 'distribution', forms: ['distr', 'distrib'] },
  { to: 'users', forms: ['usrs'] },
  { to: 'model', forms: ['mdl'] },
  { to: 'training', forms: ['trn'] },
  { to: 'probability', forms: ['prob', 'probs'] },
  // The predicted CTR is the model's output (pCTR), not the click-through rate measured online.
  { to: 'probability of click', forms: ['pctr', 'predicted ctr', 'predicted click through rate', 'predicted clickthrough rate', 'estimated ctr', 'estimated click through rate', 'ctr prediction', 'ctr predictions', 'click through rate prediction', 'ctr estimate', 'ctr estimates'] },
  { to: 'probability of conversion', forms: ['pcvr'] },
  { to: 'prediction', forms: ['pred', 'preds'] },
  // Money rates in notes: "fraud losses of 8 bps".
  { to: 'basis points', forms: ['bps'] },
  { to: 'because', forms: ['bc', 'cuz', 'coz', 'b c'] },
  { to: 'with', forms: ['w'] },
  { to: 'without', forms: ['w o', 'wo'] },
  { to: 'versus', forms: ['vs'] },
  // The count of active users is one term, written short or long; its "daily" is no cadence ("trained on
  // logs of 300M daily active users" says nothing of how often the model is trained).
  { to: 'dau', forms: ['daus', 'daily active users', 'daily active user', 'daily actives', 'daily active'] },
  { to: 'wau', forms: ['waus', 'weekly active users', 'weekly active user', 'weekly actives', 'weekly active'] },
  { to: 'mau', forms: ['maus', 'monthly active users', 'monthly active user', 'monthly actives', 'monthly active'] },
  // Load as a rate of whatever arrives: transactions, events or messages per second are queries per second to the design.
  { to: 'queries per second', forms: ['qps', 'rps', 'requests per second', 'tps', 'transactions per second', 'events per second', 'messages per second'] },
  { to: 'frames per second', forms: ['fps'] },
  { to: 'basis points', forms: ['bps'] },
  { to: 'logistic regression', forms: ['logreg', 'log reg'], capitalsOnly: ['lr'] },
  { to: 'gradient boosted trees', forms: ['gbdt', 'gbdts', 'gbm', 'gbms', 'gbt', 'gradient boosted decision trees', 'gradient boosting', 'boosted trees', 'xgboost', 'lightgbm', 'catboost'] },
  { to: 'neural network', forms: ['nn', 'nns', 'dnn', 'dnns', 'neural net', 'neural nets', 'deep net', 'deep nets', 'deep network', 'deep networks'] },
  { to: 'feature store', forms: ['feature stores', 'featurestore'] },
  { to: 'key value store', forms: ['kv store', 'kv'] },
  { to: 'approximate nearest neighbor', forms: ['ann', 'approximate nearest neighbour', 'approx nearest neighbor', 'approx nn'] },
  // Units of time in notes: "label = open within 1hr", "train wks 1-N", "~30 secs". Not "min" (minimum).
  { to: 'hour', forms: ['hr'] },
  { to: 'hours', forms: ['hrs'] },
  { to: 'week', forms: ['wk'] },
  { to: 'weeks', forms: ['wks'] },
  { to: 'minutes', forms: ['mins'] },
  { to: 'seconds', forms: ['secs'] },
  { to: 'years', forms: ['yrs'] },
];

/** Metric names, spelled out and short: each rewritten to its short name. */
export const METRIC_NAMES: readonly LexiconEntry[] = [
  { to: 'rmse', forms: ['root mean squared error', 'root mean square error', 'root mse'] },
  { to: 'mae', forms: ['mean absolute error'] },
  { to: 'mape', forms: ['mean absolute percentage error', 'mean absolute percent error'] },
  { to: 'mse', forms: ['mean squared error', 'mean square error'] },
  { to: 'ndcg', forms: ['normalized dcg', 'normalised dcg', 'normalized discounted cumulative gain', 'normalised discounted cumulative gain', 'n dcg'] },
  { to: 'dcg', forms: ['discounted cumulative gain'] },
  { to: 'map', forms: ['mean average precision'], capitalsOnly: ['map'] },
  { to: 'mrr', forms: ['mean reciprocal rank'] },
  { to: 'auc', forms: ['area under the curve', 'area under curve', 'roc auc', 'auroc', 'auc roc', 'rocauc'] },
  // One word, so that the "auc" in it is never read as ROC AUC.
  { to: 'prauc', forms: ['pr auc', 'auc pr', 'precision recall auc', 'area under the precision recall curve', 'auprc', 'average precision'] },
  { to: 'normalized entropy', forms: ['normalised entropy', 'ne', 'nce', 'normalized cross entropy', 'normalised cross entropy'], capitalsOnly: [] },
  // One word, so that "log" in it is never read as a log of events.
  { to: 'logloss', forms: ['log loss'] },
  { to: 'binary cross entropy', forms: ['bce'] },
  { to: 'ctr', forms: ['click through rate', 'clickthrough rate', 'click rate'] },
  { to: 'cvr', forms: ['conversion rate'] },
  { to: 'recall at k', forms: ['recall k'] },
  // "Hit rate@10" is the share of cases whose one relevant item is in the top k: recall at k. Only
  // with its cut-off: a cache hit rate is no ranking metric.
  { to: 'recall at', forms: ['hit rate at', 'hitrate at', 'hit ratio at'] },
  { to: 'precision at k', forms: ['precision k'] },
];

/** What "random" describes when it is no share of traffic kept at random (OTHER_SENSES). */
const RANDOM_HEADS = [
  'split', 'splits', 'splitting', 'partition', 'partitions', 'fold', 'folds', 'cross validation', 'negative', 'negatives',
  'negative sampling', 'seed', 'seeds', 'search', 'init', 'initialization', 'initialisation', 'walk', 'walks', 'noise',
  'crop', 'crops', 'augmentation', 'dropout',
];

/**
 * Words used in another sense: a run that, read as a whole, is not the concept its words suggest.
 * Each is rewritten to one word of its own, so no rubric phrase finds the misleading part
 * ("privacy leak" is a privacy risk, not data leakage; "memory usage" is not model monitoring).
 */
export const OTHER_SENSES: readonly LexiconEntry[] = [
  { to: 'privacyleak', forms: ['privacy leak', 'privacy leaks', 'privacy leakage', 'data breach', 'leak personal', 'leaks personal', 'leak private', 'leaks private', 'leak pii'] },
  { to: 'memoryleak', forms: ['memory leak', 'memory leaks'] },
  // Examples weighted by a value are not defined by it: "positives are weighted by watch time" says how
  // much each counts, not what a positive is (the copula would read as a definition, label-definition).
  { to: 'weighted', forms: ['are weighted', 'is weighted'] },
  { to: 'upweighted', forms: ['are upweighted', 'is upweighted'] },
  { to: 'downweighted', forms: ['are downweighted', 'is downweighted'] },
  // A chargeback's reason code is the card network's dispute category ("a fraud reason code"), not the
  // reasons a model gives for its decision (reason codes for analysts). The leading word stays.
  { to: 'chargeback disputecode', forms: ['chargeback reason code', 'chargeback reason codes', 'chargeback code', 'chargeback codes'] },
  { to: 'fraud disputecode', forms: ['fraud reason code', 'fraud reason codes'] },
  { to: 'dispute disputecode', forms: ['dispute reason code', 'dispute reason codes'] },
  { to: 'issuer disputecode', forms: ['issuer reason code', 'issuer reason codes', 'issuer s reason code', 'issuer s reason codes', 'issuers reason codes'] },
  { to: 'network disputecode', forms: ['network reason code', 'network reason codes'] },
  { to: 'whose disputecode', forms: ['whose reason code'] },
  // BERTScore is a text-overlap metric, not the BERT model.
  { to: 'bertscore', forms: ['bert score', 'bert scores'] },
  // Error rates at a threshold are not the base rate: a "false-positive rate" says nothing of how rare
  // the positives are. One word each, so no phrase finds "positive rate" in them.
  { to: 'fpr', forms: ['false positive rate', 'false positive rates'] },
  { to: 'tpr', forms: ['true positive rate', 'true positive rates'] },
  { to: 'fnr', forms: ['false negative rate', 'false negative rates'] },
  { to: 'throughouttheday', forms: ['throughout the day'] },
  // A call that runs out of time: one word, so its "times" is never a clock time ("at request time").
  { to: 'timeout', forms: ['times out', 'timed out', 'time out', 'timing out'] },
  // "At this point in time we have no labels" is now, not a feature computed as of a moment: the idiom is
  // one word of its own, so no leakage phrase finds "point in time" in it.
  { to: 'atthispoint', forms: ['at this point in time', 'at that point in time', 'at any point in time', 'at some point in time', 'at no point in time', 'at every point in time'] },
  // "As of" names a moment ("computed as of the order time", "an as-of join"): one word, so a concept can
  // ask for it next to a time without "as" and "of" read apart ("as much of the time").
  { to: 'asof', forms: ['as of'] },
  // The two arms of an experiment are not the two sides of a split: "no user is in both arms".
  { to: 'botharms', forms: ['both arms', 'both groups', 'both variants', 'both buckets', 'both cohorts'] },
  // One name for a coarse range of age, so what a prompt permits as "age range" holds for its other names.
  { to: 'age range', forms: ['age ranges', 'age group', 'age groups', 'age band', 'age bands', 'age bracket', 'age brackets'] },
  // "Non-blocking" is asynchronous. "Not blocking" and "never block" say what a call does not hold up
  // ("we're not blocking the upload": scored off the request path, a serving choice) or whom a decision
  // does not stop ("without blocking good customers"): read as keeping it unblocked, so neither is a
  // blocking call ruled out; the serving concept asks for what is held up (precompute-serve). "Keep"
  // stays a verb, so the clause is still a statement.
  // "Random" describing a split, a model, negatives drawn for training, a seed or a search is not the
  // random share of traffic that exploration keeps ("a random split would leak future traffic" keeps
  // no slice of traffic at random). The adjective is read as the adverb of how it is done ("randomly
  // split"), so the split flags and the leakage guard still read it; a random forest keeps its word.
  ...RANDOM_HEADS.map((head) => ({ to: `randomly ${head}`, forms: [`random ${head}`] })),
  ...['80 20', '70 30', '90 10', 'train test', 'train validation test', 'train val test'].map((ratio) => ({ to: `randomly ${ratio} split`, forms: [`random ${ratio} split`, `random ${ratio} splits`] })),
  { to: 'randomforest forest', forms: ['random forest'] },
  { to: 'randomforest forests', forms: ['random forests'] },
  { to: 'asynchronous', forms: ['non blocking', 'nonblocking'] },
  { to: 'keep unblocked', forms: ['not blocking', 'without blocking', 'never blocking', 'not block', 'never block'] },
];

/**
 * Predicting in the serving sense: a verb of predicting followed by how, where or when it runs, with
 * nothing predicted ("at request time we predict with the cached model", "predictions run in
 * batch"). That is inference, a serving step, not the ML objective, which names what is predicted
 * ("we predict whether the member clicks"). The verb is rewritten to "inference"; the word after it
 * stays, so serving phrases ("in batch", "at request time") still read.
 */
const PREDICT_FORMS = ['predict', 'predicts', 'predicting', 'predicted', 'prediction', 'predictions'];
const SERVING_AFTER = ['with', 'using', 'at', 'in', 'on', 'online', 'offline', 'every', 'each', 'nightly', 'hourly', 'daily', 'run', 'runs', 'happen', 'happens', 'served'];
export const SERVING_SENSE: readonly LexiconEntry[] = SERVING_AFTER.map((next) => ({
  to: `inference ${next}`,
  forms: PREDICT_FORMS.map((verb) => `${verb} ${next}`),
}));

/**
 * A rate said as a ratio: "1 in 1,000 payments", "one in a thousand posts", "3 out of 100 notifications". The
 * numbers vary, so the run gets a word of its own after it (`perratio`), which the base-rate concept reads
 * with the rare class ("1 in 1,000 payments is fraud"); the numbers stay, so "recall at 1" still reads.
 * Only a small first number: "20 out of 100 slots" is a share, not a rare class.
 */
const RATIO_FIRSTS = ['1', 'one', '2', '3', '4', '5', '6', '7', '8', '9'];
export const RATIO_FORMS: readonly LexiconEntry[] = RATIO_FIRSTS.flatMap((n) => [
  { to: `${n} out of perratio`, forms: [`${n} out of`] },
  ...(n === '1' ? [{ to: '1 in perratio', forms: ['1 in'] }] : []),
  // "One in" is as often the pronoun ("the one in the tenth slot"): only before "a" or "every".
  ...(n === 'one' ? [{ to: 'one in perratio a', forms: ['one in a'] }, { to: 'one in perratio every', forms: ['one in every'] }] : []),
]);

/**
 * A class said first and then defined: "positives are clicked impressions", "a negative is a skip",
 * "positive if clicked", "a payment counts as fraud". A word of its own goes
 * between the class and its verb (`classdef`), or stands for the verb of counting as (`classdefas`), so the
 * label-definition concept can tell the order that defines from "positive reviews are shown" or "we count
 * fraud as caught". The words stay, and rubric phrases are rewritten alike, so phrases still match.
 */
const CLASS_WORDS: ReadonlyArray<[canonical: string, forms: readonly string[]]> = [
  ['positive', ['positive', 'pos']],
  ['positives', ['positives', 'poss']],
  ['negative', ['negative', 'neg']],
  ['negatives', ['negatives', 'negs']],
];
const DEFINING_VERBS = ['is', 'are', 'means', 'mean', 'if', 'when', 'whenever', 'equals', 'include', 'includes'];
/** Nouns a class is named with before its definition ("the positive class is ..."). */
const CLASS_NOUNS = ['class', 'label', 'example', 'examples', 'labels', 'classes'];
export const CLASS_DEFINITIONS: readonly LexiconEntry[] = [
  ...CLASS_WORDS.flatMap(([canonical, forms]) =>
    DEFINING_VERBS.map((verb) => ({ to: `${canonical} classdef ${verb}`, forms: forms.map((f) => `${f} ${verb}`) })),
  ),
  // The class named with its noun: "the positive class is a report upheld by a moderator", "a negative
  // example means shown and skipped".
  ...CLASS_WORDS.filter(([canonical]) => !canonical.endsWith('s')).flatMap(([canonical, forms]) =>
    CLASS_NOUNS.flatMap((noun) => DEFINING_VERBS.map((verb) => ({ to: `${canonical} ${noun} classdef ${verb}`, forms: forms.map((f) => `${f} ${noun} ${verb}`) }))),
  ),
  // The verb gives way to the word, so a concept's window over the clause keeps its length.
  { to: 'classdefas as', forms: ['counts as', 'count as', 'counted as'] },
  // Weighted, not defined: "positives are weighted by watch time" (see OTHER_SENSES).
  ...CLASS_WORDS.flatMap(([canonical, forms]) =>
    ['weighted', 'upweighted', 'downweighted'].map((w) => ({ to: `${canonical} ${w}`, forms: forms.flatMap((f) => [`${f} are ${w}`, `${f} is ${w}`]) })),
  ),
];

/**
 * The majority class said as the state of the things counted: "99.9% of payments are fine", "most
 * transactions are legitimate". A word of its own goes after the state (`classbenign` for the negative
 * class's own words, `classfine` for everyday ones), so the base-rate concept reads the state said of
 * the things, not a kind of thing named as the unit ("we approve 99% of legitimate payments").
 */
const BENIGN_STATES = ['legitimate', 'legit', 'benign', 'genuine', 'clean', 'harmless', 'honest', 'unclicked', 'ignored'];
// Not "good": "accuracy is good, maybe above 95%" judges a metric, not a class.
const FINE_STATES = ['fine', 'normal', 'ok', 'okay'];
const STATE_VERBS = ['is', 'are', 'was', 'were', 'stay', 'stays', 'remain', 'remains'];
export const MAJORITY_STATES: readonly LexiconEntry[] = [
  ...BENIGN_STATES.map((state) => ({ to: `${state} classbenign`, forms: STATE_VERBS.map((verb) => `${verb} ${state}`) })),
  ...FINE_STATES.map((state) => ({ to: `${state} classfine`, forms: STATE_VERBS.map((verb) => `${verb} ${state}`) })),
  // A cost accepted, not a class: "we are fine with some clickbait", "ok with a few misses" stay as written
  // (negation.ts acceptedBefore reads "fine with"); the longer form wins over the state above.
  ...FINE_STATES.flatMap((state) => STATE_VERBS.map((verb) => ({ to: `${verb} ${state} with`, forms: [`${verb} ${state} with`] }))),
];

export const LEXICON: readonly LexiconEntry[] = [...NOTE_FORMS, ...METRIC_NAMES, ...OTHER_SENSES, ...SERVING_SENSE, ...RATIO_FORMS, ...CLASS_DEFINITIONS, ...MAJORITY_STATES];

/**
 * Concept families: what people say in their own words for one idea of the field. A rubric phrase
 * `@id` refers to one. Each pattern is a few word groups (alternatives joined by `|`) that must all
 * stand in one clause, near each other (CONCEPT_WINDOW words), in any order: "data comes from the
 * logs" and "from the impression logs we take the data" both say where data comes from. Words are
 * compared as stems, after the note forms above.
 */
/** Comparatives of what models are weighed on: speed, cost, size, simplicity. */
const AXIS_COMPARATIVES = 'faster|slower|quicker|cheaper|costlier|pricier|simpler|heavier|lighter';
/** Comparatives in general ("more accurate", "less interpretable", "higher latency") and of the axes. */
const COMPARATIVES = `more|less|better|worse|higher|lower|richer|stronger|weaker|deeper|smarter|bigger|smaller|larger|${AXIS_COMPARATIVES}`;
/** What models are weighed on ("compute", "accuracy", "latency"), and the comparatives that say it. */
const MODEL_AXES = `accurate|accuracy|inaccurate|compute|latency|cost|costs|costly|expensive|interpretable|interpretability|complex|complexity|simplicity|memory|speed|throughput|parameters|${AXIS_COMPARATIVES}`;
/** A share of traffic or slots given to exploration: "a small exploration slice", "5% random traffic". */
const EXPLORATION_SHARE = [
  'explore|exploration|exploring|exploratory budget|slots|slot|traffic|slice|share|percent|boost|bucket',
  'randomized|randomised|random slice|traffic|bucket|arm|share|slots',
];

/** A majority's share as a figure, its first number (the digits of "99.9%" read as 99 9). */
const MAJORITY_SHARE = '90|91|92|93|94|95|96|97|98|99';
/** A small share as a figure, its first number ("0.1%", "2%"). */
const MINORITY_SHARE = '0|1|2|3|4|5';
/** The rare class or the event that makes an example positive, as a share of all examples names it. */
const RARE_EVENTS = 'click|clicks|clicked|open|opens|opened|purchase|purchases|purchased|bought|convert|converts|converted|conversion|report|reports|reported|flag|flagged|fraud|fraudulent|spam|harmful|violate|violates|violating|abusive|chargeback|chargebacks|engage|engaged|book|booked|install|installed|positive|positives';

/** The classes an example is put in: "counts as fraud", "is considered spam". */
const DEFINED_CLASSES = 'fraud|fraudulent|legitimate|spam|harmful|violating|relevant|irrelevant|positive|positives|negative|negatives|benign|genuine';

/** Events that make an example a positive or a negative: "clicked", "a chargeback", "shown but skipped". */
const LABEL_EVENTS = 'click|clicks|clicked|watch|watches|watched|view|views|viewed|open|opens|opened|purchase|purchases|purchased|bought|order|orders|ordered|booking|bookings|booked|like|likes|liked|share|shares|shared|comment|comments|commented|chargeback|chargebacks|verdict|verdicts|report|reports|reported|removal|removals|removed|shown|skipped|skip|skips|ignored|dismissed|swiped|scrolled|engaged|install|installs|installed|registration|registrations|registered|conversion|conversions|converted|accepted|accept|accepts|follow|follows|followed|dwell|hide|hides|hidden|unseen|delivered|confirmed|flagged|upheld|connect|connects|connected|register|registers';

/** Models as a comparison names them, by family or architecture ("trees", "neural", "LSTM", "ResNet"). */
const COMPARED_MODELS = 'trees|neural|regression|transformer|transformers|cnn|cnns|tower|towers|forest|forests|bert|llm|llms|mlp|svm|knn|rules|heuristic|heuristics|lstm|lstms|rnn|rnns|gru|resnet|vit|efficientnet|yolo|detr|dlrm|deepfm|dcn|mmoe|gnn|gnns|graphsage|gcn|lightgcn|pinsage|node2vec|encoder|encoders';

export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  // How rare the positives are, as a number: "0.15% positives", "fraud rate ~0.1%", "1% of posts violate".
  'base-rate': [
    'percent|percentage positives|positive|fraud|fraudulent|spam|harmful|violating|violate|violates|abusive|defective|churners|minority',
    'fraud|spam|violation|abuse|churn|base|positive rate|rates percent|rare|tiny',
    // As a ratio (RATIO_FORMS): "1 in 1,000 payments is fraud", "one post in 500 violates the policy".
    'fraud|fraudulent|spam|harmful|violating|violate|violates|violation|abusive|positive|positives|click|clicks|clicked|open|opens|opened|churn|defective perratio',
    // The majority's share, said to rule out accuracy: "we avoid accuracy because 99.9% of payments are
    // legitimate", "a model that always says benign is 99% accurate". Not "approve 99% of legitimate payments".
    'percent|majority|almost|nearly legitimate|benign|genuine|clean|negative|negatives|unclicked accuracy|accurate|imbalanced|imbalance|skewed|trivial|trivially|naive|always|constant',
    // "The vast majority of posts are benign", "overwhelmingly legitimate traffic".
    'vast|overwhelming|overwhelmingly legitimate|benign|genuine|clean|negatives|unclicked',
    // The majority's share as a figure: "99.9% of payments are fine", "98% of impressions are never
    // clicked". The words of the negative class ("never clicked", "no report") name the rare event; they
    // refuse nothing. A figure with no class ("99% of requests never time out") is no base rate.
    // The state is said of the things (MAJORITY_STATES): not "we approve 99% of legitimate payments".
    `${MAJORITY_SHARE} percent classbenign|classfine|negative|negatives`,
    `${MAJORITY_SHARE} percent never|no|not|without ${RARE_EVENTS}`,
    // The majority in words: "most transactions are legitimate", "nearly all sessions end without a
    // purchase", "almost no users report a post", "hardly any payments are fraud".
    'most|majority|nearly|almost classbenign',
    `most|majority|nearly|almost|hardly|barely|virtually never|no|not|without|any ${RARE_EVENTS}`,
    // The rare class's share: "only 2% of impressions get a click", "a tiny fraction of payments are
    // fraud", "just 0.1% of posts violate the policy", "1% of notifications are opened".
    `only|just|merely percent|share|fraction|sliver|handful ${RARE_EVENTS}`,
    `tiny|small|minuscule|minute share|fraction|sliver|handful|minority ${RARE_EVENTS}`,
    `${MINORITY_SHARE} percent of ${RARE_EVENTS}`,
  ],
  // The rare class weighted up in the loss: "we weight the fraud class higher", "class-weighted loss",
  // "upweight the minority class 50x". Not positives weighted by a value ("positives weighted by watch time").
  'class-weighting': [
    'weight|weights|weighted|weighting|upweight|upweights|upweighted|upweighting|downweight|downweighted|reweight|reweighted|reweighting|overweight class|classes|minority',
  ],
  // Exploration beyond what the model is sure of, as a share of what is shown.
  'exploration-share': EXPLORATION_SHARE,
  // Where the data comes from: a log, history or record, and taking from it.
  'data-source': [
    'from|use|using|join|joined|collect|collected|pull|pulled|read|mine|mined logs|logged|history|histories|records|warehouse|snapshots|dump',
    'data|dataset|examples|signal|labels|rows|training come|comes|coming|collected|sourced|drawn|taken|built|derived|pulled',
    'logs|history|records contain|contains|have|has|hold|holds|give|gives',
    'sources|source data|signal|signals|training|labels|examples',
    'data|dataset|examples|training be logged|logs|log|history|histories|records|events|reports|annotations|tickets|articles|docs|documents|transcripts|images|photos|catalog',
    'we|they have|has|got labels|reports|logs|history|annotations|tickets|records|articles|docs|documents|transcripts',
    // What was logged, named by the thing logged: "logged candidates that were sent", "logged searches with
    // the query image", "features logged at serving time". Not "logged-in users".
    'logged|logging candidates|impressions|events|sends|notifications|interactions|clicks|actions|sessions|requests|queries|searches|outcomes|features|examples|payments|transactions|trips|orders|conversations|views|watches|deliveries|rides',
  ],
  // The goal stated as a note or sentence: "goal is ...", "Goal: ...", "objective = ...".
  'goal-statement': ['goal|goals|aim be', 'north star', 'what matters be', 'business want|wants|cares|care'],
  // The business's own measure of success, named as what the business counts: "KPIs: on-time rate,
  // refunds", "what they track: CTR, time spent", "the company makes money per booking".
  'business-measure': [
    'kpi|kpis|okr|okrs rate|rates|revenue|retention|conversion|conversions|ctr|bookings|sales|orders|gmv|dau|mau|time|clicks|purchases|churn|refunds|losses|margin|profit|cost|costs',
    'business|company|product|they|team|leadership|stakeholders|management|org|marketplace|platform track|tracks|tracked|measure|measures|measured|judge|judges|judged|care|cares|paid|pays|earn|earns|lose|loses|reward|rewards rate|rates|revenue|retention|conversion|conversions|ctr|bookings|sales|orders|gmv|dau|mau|time|clicks|purchases|churn|refunds|losses|money|margin|profit|saves|engagement',
    'make|makes|earn|earns|lose|loses money|revenue|profit per|from|when|on',
  ],
  // What the model predicts: a probability or score of an outcome.
  'prediction-target': [
    'predict|predicts|predicting|estimate|estimates|estimating|model|models|output|outputs|score|scores probability|likelihood|chance|odds',
    'predict|predicts|predicting|regress|regressing|estimate|estimates|estimating target|label|outcome|whether|how|time|minutes|duration',
    'probability of',
    // The event predicted, named as the verb's object in notes: "predict click yes/no", "we predict
    // registrations", "predicts whether-opened". LABEL_EVENTS are the outcomes a label is made of.
    `predict|predicts|predicting|forecast|forecasts|forecasting ${LABEL_EVENTS}|fraud|fraudulent|churn|arrival|eta|demand|violation|violations|violating`,
    // A retrieval model's objective: an embedding (or encoder) learned so that similar things are close:
    // "learn a listing embedding so that listings browsed together are close", "main ML part = learning a
    // good embedding", "train the encoder so that matching pairs land near each other".
    'learn|learns|learning|learned|train|trains|training|trained|fit embedding|embeddings|encoder|encoders|representation|representations|space so|such|where|close|closer|near|nearby|similar|similarity|good|useful|semantic|meaningful',
  ],
  // Inputs and outputs of the model as a note: "input: user id", "given (user, item) -> score".
  'model-io': [
    'input|inputs be', 'output|outputs be', 'input|inputs output|outputs', 'given|takes|take return|returns|output|outputs',
    'per|for|each|every|given|score|scores|predict|predicts pair|tuple',
    // What is predicted for which entities, said together: "predict click yes/no for user + ad", "score
    // each listing for the query and the user". A verb of predicting, and two entities joined.
    'predict|predicts|predicting|score|scores|scoring|estimate|estimates for|given|per user|users|query|queries|member|members|viewer|viewers|customer|customers|request|requests|listing|listings plus|and|x ad|ads|item|items|video|videos|post|posts|event|events|listing|listings|candidate|candidates|document|documents|notification|notifications|product|products|image|images|context|query|queries|user|users',
    'each|every candidate|item|pair|user|post|video|ad|query|listing|event|request|notification|payment|image predict|predicts|score|scores|output|outputs|rank',
  ],
  // A comparison of options with their gains and costs: a trade-off table or sentence; trading one
  // quality for another ("trading more compute for accuracy", "we trade latency against cost"); or an
  // option better on one axis and worse on another ("more accurate on small objects but slower",
  // "costs more compute than late fusion but is more accurate", "cheaper but slower"): two
  // comparatives in contrast, one of them about what models are weighed on.
  tradeoff: [
    'pros cons',
    'gain|gains|benefit|benefits|advantage|advantages|strength|strengths cost|costs|drawback|drawbacks|downside|downsides|weakness|weaknesses|risk|risks',
    'trade|tradeoff|tradeoffs off|between',
    `trade|trades|trading|traded for|against ${MODEL_AXES}`,
    `${COMPARATIVES} but|yet|whereas|while|though|although ${COMPARATIVES} ${MODEL_AXES}`,
    `${AXIS_COMPARATIVES} but|yet|whereas|while|though|although ${AXIS_COMPARATIVES}`,
    // Better in general, worse on an axis: "smarter about word order but slower to run".
    `${COMPARATIVES} but|yet|though|although ${AXIS_COMPARATIVES}`,
    // Better on one axis and too much on another: "more accurate, but too slow for 1,000 candidates".
    `${COMPARATIVES} but|yet|though|although too slow|expensive|costly|heavy|big|large|complex|opaque|risky`,
  ],
  // Computing ahead of time and serving from storage, or on each request.
  'precompute-serve': [
    'computed|precomputed|compute|precompute|generated|calculated ahead|advance|offline|nightly|daily|hourly|batch|periodically',
    // Scoring ahead of time needs what is scored or how: "we score every user nightly", "batch scoring
    // runs hourly". "Score" is also the noun the model outputs: "we monitor the score distribution daily"
    // watches scores, it does not compute them in batch.
    'scored|score|scores|scoring ahead|advance|offline|nightly|daily|hourly|batch|periodically all|every|each|users|items|candidates|payments|videos|pairs|catalog|corpus|listings|posts|members|ads|queries|job|jobs|pipeline|batch|offline|ahead|advance',
    // Scoring inside the path of a request: "the model is served in the checkout path".
    'served|serve|serves|scored|score|scores|scoring|runs|run|inference|called|sits|inline|synchronously|synchronous request|checkout|critical|hot|payment|authorization|serving|login|booking|upload|posting path',
    'served|serve|read|looked|fetched cache|cached|store|table|lookup',
    // Scoring triggered by an event, or done in or out of the request path.
    'event|events|queue|stream|kafka|upload|uploaded|creation|created classification|classify|classified|scoring|scored|embed|embedded|inference',
    'async|asynchronous|asynchronously|synchronous|synchronously|inline',
    // Blocking in the serving sense holds up a call or the user's action ("the check blocks the request",
    // "we don't block the upload"), not a customer or a payment ("without blocking good customers").
    // Scoring when the user's event happens: "scored at authorization time", "classified at upload time".
    'scored|score|scores|scoring|classified|classify|classifies|predicted|inference|computed|run|runs at authorization|checkout|upload|send|login|booking|payment|posting|decision time|moment',
    'blocking|block|blocks|unblocked request|requests|call|calls|response|responses|thread|upload|uploads|publish|publishing|io|page|render|rendering',
  ],
  // Splitting by time: train on the past, validate and test on what comes after.
  'time-split': [
    'train|training|fit before|earlier|past|older|until|first|earliest cutoff|date|day|days|week|weeks|month|months|time',
    'validate|validation|test|testing|evaluate|eval|held after|later|following|next|newer|last day|days|week|weeks|month|months|period|date|cutoff|time',
    'split|splits|splitting by|on time|date|day|week|timestamp',
    'cutoff date|time|day',
    // Inputs from before a moment and outcomes from after it: "build signals from before it, and learn
    // outcomes from after it", "features up to the cutoff, labels after it".
    'features|feature|signals|signal|inputs|input before|prior|until|earlier labels|label|outcomes|outcome|targets|target after|later|following',
    'freeze|freezes|froze|frozen|snapshot|snapshotted graph|data|features|state|network|world at|on date|day|time|cutoff',
  ],
  // Labels defined by their two classes in one clause: "positive if clicked, negative if not"; or by what
  // the label or target is.
  'label-definition': [
    'positive|positives negative|negatives',
    'label|labels|labelled|labeled|target be|when|if|means|from|come|comes',
    // One class defined by the event that makes it (CLASS_DEFINITIONS marks the class said first):
    // "positives are clicked impressions", "negatives = shown but not clicked", "a positive is an open
    // within an hour". An event, not the items alone: "positives are 1% of impressions" says how rare
    // they are; "positive reviews are shown first" and "negative feedback rate" define nothing.
    `classdef ${LABEL_EVENTS}`,
    // A class said by what puts an example in it: "a payment counts as fraud when ..." (CLASS_DEFINITIONS),
    // "a fraud-coded chargeback marks the payment as fraud", "is considered spam if ...".
    `classdefas ${DEFINED_CLASSES}`,
    // The class named by its place: "shown and ignored count as the other class".
    'classdefas other|opposite class|label',
    // The outcome that is learned from: "the outcome we learn from is an accepted invitation".
    'outcome|outcomes|event|events|signal learn|learns|train|trains from be|is|are',
    `mark|marks|marked as ${DEFINED_CLASSES}`,
    `considered|deemed ${DEFINED_CLASSES} if|when|once|unless`,
    // What is taken as the label: "we use opens within an hour as the label", "reviewer decisions as ground truth".
    'use|uses|using|take|takes|taking|treat|treats|treated as label|labels|target|targets|truth',
    // A measured target: "we regress on the actual delivery time", "train on the observed minutes".
    'actual|observed|measured|recorded|realized|realised time|times|duration|durations|minutes regress|regressing|train|trained|training|target|targets|label|labels|fit|learn|learned',
  ],
  // An online measure: a rate or count watched in an experiment or live ("online: open rate, dau").
  // "Engagement" alone is no measure: it names a wish, not what is counted; "live" and "saves" have
  // other senses ("going live", "save time").
  'online-measure': [
    'online|experiment|experiments|treatment rate|rates|ctr|cvr|dau|mau|wau|sessions|revenue|retention|deflection|prevalence|csat|nps|conversion|conversions|bookings|registrations|dwell|kpi|kpis|share|fraction|proportion|percentage|churn|complaints|uninstalls|purchases|gmv|opens',
    // What an A/B test is run on: "A/B test on order conversion and refunds", "an AB test measuring retention".
    // "A/B" reads as the words "a" and "b"; the measures are those only counted live (no "share", which a test set has too).
    'ab|b test|tests|testing|tested on|measuring|measure|measures|tracking|track|judged|by ctr|cvr|dau|mau|wau|sessions|revenue|retention|deflection|prevalence|csat|nps|conversion|conversions|bookings|registrations|dwell|kpi|kpis|churn|complaints|uninstalls|purchases|gmv|opens|refunds|cancellations|acceptances|invitations',
    // A count per person in an experiment: "an experiment judged by accepted invitations per member".
    'online|experiment|experiments|treatment per member|members|user|users|visitor|visitors|customer|customers|viewer|viewers|buyer|buyers|searcher|searchers',
  ],
  // The kind of learning task, named by its form: a regression head, several task heads, a ranker.
  'task-type': [
    'multi|multitask task|tasks|heads|head',
    'head|heads predicting|predicts|for regress|regression|classification|classifier|probability',
    'supervised ranker|ranking|model|classifier',
    'retrieval augmented generation',
    'pointwise|pairwise|listwise ranker|ranking|model|loss|classifier|approach',
    // Predicting the probability of an event is a binary classification, whatever it is called.
    'predict|predicts|predicting|estimate|estimates probability',
    // Ordering by a predicted probability is pointwise ranking: "rerank the top 200 by P(booking)".
    'rank|ranks|ranked|rerank|reranks|reranked|sort|sorts|sorted|order|ordered by probability|likelihood|chance',
    // A classifier named with what it sorts into: "router (classifier): question type -> ...".
    'classifier|classify|classifies|classified type|types|class|classes|category|categories|intent|intents',
    // The problem framed as a task in words: "we frame it as a regression", "treated as classification".
    'frame|framed|frames|framing|treat|treated|treats|treating|cast|casts|pose|posed|poses|formulate|formulated|formulates|formulation as regression|classification|detection|segmentation|ranking|retrieval',
  ],
  // Data shaped by what the system itself chose, and the exploration that corrects it.
  'exploration-data': [
    ...EXPLORATION_SHARE,
    // Data that holds only what the system chose: "the logs only reflect what the old system chose to show",
    // "clicks come only from results we already showed", "moderators only see posts something already flagged".
    'only|already showed|shown|show|flagged|chose|chosen|surfaced|recommended|served|approved|ranked labels|label|logs|log|data|clicks|feedback|outcomes|see|sees|reflect|reflects|learn|learns|come|comes',
    'biased|bias what|toward|towards showed|shown|served|sent|flagged|surfaced|picked|chose',
    'learns|learn|trained|train own|its|previous|old|current predictions|decisions|recommendations|choices|outputs',
    // Learning only from what the system chose: "we only learn from suggestions we chose to show".
    'learn|learns|learning|train|trains|trained|training from|on we|model|system|ranker|itself chose|choose|chosen|picked|pick|decided|selected|opted',
  ],
  // The training loss named as a note or sentence: "loss = log loss", "in-batch softmax", "InfoNCE".
  'loss-statement': [
    'loss|objective with|using|use|uses|minimize|minimise|optimize|optimise|train|trained logloss|entropy|softmax|mse|mae|rmse|hinge|huber|focal|contrastive|triplet|infonce|bpr|quantile|pinball|weighted|pairwise|lambdarank',
    'softmax|infonce|bpr|focal|pinball|lambdarank',
    // LambdaMART names a ranker (boosted trees); it states the loss only when said with its objective.
    'lambdamart loss|objective|optimize|optimise|optimizes|optimises|optimizing|optimising|gradient|gradients|pairwise|listwise',
    'weighted logistic regression',
    // A loss named by its shape: "an asymmetric loss", "quantile loss at p70", "Huber loss on minutes".
    'loss|losses quantile|pinball|asymmetric|asymmetrical|huber|poisson|tweedie|hinge|contrastive|triplet|infonce|bpr|lambdarank|listwise|pairwise|ordinal',
    // Log loss trained on: "train on a weighted logloss", "objective: BCE". Log loss reported is a metric.
    'logloss|bce train|trained|training|trains|minimize|minimise|minimized|minimised|minimizing|minimising|optimize|optimise|optimizing|optimising|objective',
    // An asymmetric penalty said in words: "penalize lateness more heavily than earliness in the loss".
    'penalize|penalise|penalizes|penalises|penalizing|penalising|penalty|penalties late|lateness|early|earliness|underestimates|overestimates|underestimate|overestimate|underprediction|overprediction loss|objective|train|training|trained',
  ],
  // A funnel said as a sentence: a cheap stage retrieves, then a ranker reorders what it found ("BM25
  // retrieves 1,000 products, then the LambdaMART ranker reorders the top 200").
  'retrieve-then-rank': [
    'retrieve|retrieves|retrieved|retrieving ranker|rankers|reranker|rerankers|rerank|reranks|reranked|reorder|reorders|reordered|rank|ranks|ranked',
  ],
  // Clicks reweighted by the inverse of how likely their position was to be examined (IPW).
  'propensity-weighting': [
    'inverse propensity|propensities',
    'propensity|propensities weight|weights|weighted|weighting|reweight|reweighted|reweighting',
    'ipw',
  ],
  // Guarding against leakage by how the data is split: by time and never at random, no duplicates
  // across the split, nothing seen from the future, test cases unseen in training ("test query images
  // unseen in training", "users never seen during training"). A time split alone is the split, not the
  // guard (data-splitting): the graders' brief credits an item treated in substance.
  'leakage-guard': [
    'split|splits|splitting|train time|date|dates|day|days|week|weeks|temporal|timestamp not|never|no random|randomly|shuffle|shuffled',
    'future|later seen|see|sees|leak|leaks|peek|peeks',
    // The future named as what must not get in: "nothing from tomorrow sneaks into today's signals".
    'tomorrow|tomorrows|future sneak|sneaks|creep|creeps|slip|slips|bleed|bleeds|leak|leaks',
    // Features fixed at the moment of prediction: "features computed as of the authorization time",
    // "all values as of the order timestamp", "an as-of join on the request time" (OTHER_SENSES: "as of"
    // is one word). A time alone is not enough: "as of today, there is no time budget" fixes nothing.
    'feature|features|computed|compute|value|values|signal|signals|aggregate|aggregates|count|counts|join|joins|joined|built|snapshot|snapshots|state asof time|timestamp|timestamps|moment|date|cutoff|instant',
    'asof join|joins|joined|joining|lookup|lookups',
    // Features said to be of their moment: "point-in-time joins", "computed point in time" (the idiom "at
    // this point in time" is a word of its own, OTHER_SENSES).
    'point in time',
    // What comes from the label kept out of the inputs: "anything derived from the chargeback is excluded".
    'feature|features|anything|everything|fields|columns|signals|inputs|whatever derived|computed|built|taken|coming|based chargeback|chargebacks|label|labels|outcome|outcomes|target|verdict|verdicts|refund|refunds exclude|excluded|excludes|excluding|drop|dropped|drops|remove|removed|removes|strip|stripped|omit|omitted|banned|forbidden',
    // The graph or data fixed at a date, inputs from before it: "we freeze the graph at a date".
    'freeze|freezes|froze|frozen|snapshot|snapshotted graph|data|features|state|network|world at|on date|day|time|cutoff',
    // A group kept to one side of the split: "no author appears in both train and test", "the same user
    // never sits in both sets", with the split named. Not "both arms" of an experiment (OTHER_SENSES), nor a
    // pair said similar "if the same user looked at both of them".
    'no|never|same|single user|users|author|authors|account|accounts|customer|customers|member|members|session|sessions|driver|drivers|seller|sellers|merchant|merchants|device|devices|card|cards|patient|patients|household|households|advertiser|advertisers|listing|listings|restaurant|restaurants|creator|creators|query|queries|drive|drives|city|cities both|either|overlap|overlaps|overlapping|straddle|straddles train|training|test|testing|split|splits|side|sides|sets|fold|folds|validation|holdout|eval',
    'dedupe|dedup|deduplicate|deduplicated|duplicates before|across|between split|splits|train|test',
    'unseen|never seen in|during training|train',
    'unseen in|during|by training|train|model',
  ],
  // Features named as a group the candidate builds: "the features I would build fall into groups".
  'feature-groups': ['features|feature|signals build|built|include|includes|cover|covers|groups|group|fall|compute|computed|derive|derived|engineer|engineered'],
  // Raw content turned into features, named by its modality and what encodes it: "for text, a multilingual
  // transformer", "images through a pretrained CNN", "a thumbnail embedding"; or documents cut into pieces
  // for retrieval: "chunk the articles into 300-token pieces", "metadata on each chunk".
  'content-encoding': [
    'text|texts|image|images|video|videos|audio|frames|frame|title|titles|thumbnail|thumbnails|caption|captions|transcript|transcripts encoder|encoders|encode|encoded|embedding|embeddings|embed|embedded|cnn|cnns|transformer|transformers|vit|bert|resnet|backbone',
    'chunk|chunks|chunking|chunked articles|docs|documents|pages|passages|tokens|token|overlap|heading|headings|metadata|embed|embedded',
  ],
  // The imbalance said of the data in words: "it's really imbalanced", "heavily unbalanced labels", "positives
  // rare, so no plain accuracy" (a note without its verb).
  'imbalance-said': [
    // The adjective, said of the data: the noun ("class imbalance") is a rubric phrase, and "class" is any class.
    'imbalanced|unbalanced really|very|heavily|highly|extremely|super|hugely|massively|severely|quite|pretty|so|data|dataset|labels|it',
    'positives|minority|frauds|fraud|violations|conversions|registrations|installs|purchases rare|scarce|rarer',
  ],
  // A model retrained on a schedule, said without the word "retrain": "nightly batch job: train embeddings",
  // "the ranker is trained daily", "weekly training run on the last 30 days".
  'scheduled-training': [
    'train|trains|training|trained|refit|refits|refitted|retrained nightly|daily|weekly|hourly|monthly',
    'train|trains|training|trained|refit|refits every|each night|day|week|hour|month|nights|days|weeks|hours|months',
  ],
  // Results looked at per segment, with the object in between: "slice results by city size", "break the
  // metrics down by language", "measure separately for head, torso and tail queries".
  'sliced-results': [
    'slice|slices|sliced|slicing by|per|across',
    'break|breaks|breaking|broken down by|per|across',
    'measure|measured|report|reported|evaluate|evaluated|track|tracked|compare|compared separately|individually',
  ],
  // Falling back when a call is too slow: "fall back to popular events nearby when ranking times out", "a
  // cached list if the model misses its deadline".
  'timeout-fallback': [
    'fallback|fallbacks|back|default|defaults|cached timeout|timeouts|deadline|deadlines|slow|budget',
  ],
  // Watching how inputs or outputs are distributed over time: drift, in other words.
  'distribution-watch': [
    'track|tracks|tracking|monitor|monitors|monitoring|watch|watches|alert|alerts|compare|compares|check|checks|dashboard|dashboards feature|features|input|inputs|prediction|predictions|score|scores|label|labels distribution|distributions|null|nulls|histogram|histograms|stats|statistics|mix',
  ],
  // Time spent per step of serving: "lookup (~10 ms)", "ranker 50 ms on GPU".
  'latency-breakdown': [
    'ms|milliseconds lookup|lookups|fetch|fetching|retrieval|ranking|ranker|rerank|reranking|scoring|inference|index|ann|encoder|tower|generation|gpu|cpu|cache|hop',
  ],
  // One model weighed against another, with what decides it: "GBDT over a NN b/c tabular feats",
  // "logistic regression instead of trees since it must be explained", "a CNN is slower than trees".
  // Each group needs a word of its own, so two model names must be said ("neural", not "network": a
  // social network is no model).
  'model-comparison': [
    // A pick between two models is a decision too: "we pick GBDT over a deep network".
    `${COMPARED_MODELS} over|instead|versus|than|not ${COMPARED_MODELS} because|since|cheaper|faster|simpler|slower|better|worse|harder|easier|accurate|interpretable|pick|picked|picks|choose|chooses|chose|chosen|prefer|prefers|preferred`,
  ],
  // Labels that arrive late: "chargebacks land up to 90 days later", "labels take weeks to come in",
  // "the label delay", "train only on payments whose labels have matured", "labels are not final yet".
  'label-delay': [
    'chargeback|chargebacks|dispute|disputes|label|labels|outcome|outcomes|verdict|verdicts arrive|arrives|arriving|land|lands|come|comes|show|shows|known|appear|appears|confirmed|take|takes later|late|weeks|months|days|delay|delayed',
    'chargeback|chargebacks|dispute|disputes|label|labels|outcome|outcomes delay|delays|delayed|lag|lags|lagged|lagging',
    // A delay said as a span: "labels = chargebacks, up to 90d late", "disputes known 2 weeks late".
    'chargeback|chargebacks|dispute|disputes|label|labels|outcome|outcomes|verdict|verdicts d|day|days|week|weeks|month|months late|delayed|lag|lagged',
    // Waiting out the window before calling a payment legitimate: "hold 30 days before labelling a payment legitimate".
    'wait|waits|waiting|hold|holds day|days|week|weeks|month|months|window before|until legitimate|negative|negatives|nonfraud|genuine|label|labels|labelling|labeling|final|mature',
    'label|labels|data|payments|examples|rows|negatives mature|matured|maturity|maturing|immature',
    'wait|waiting|waits chargeback|chargebacks|window|label|labels',
    // The window a chargeback may arrive in: "fraud if a chargeback comes within 90 days".
    'chargeback|chargebacks|dispute|disputes within|after days|weeks|months',
    // Labels that are not final yet: "until the outcome is settled", "labels are not complete yet".
    'label|labels|outcome|outcomes|chargeback|chargebacks|verdict|verdicts final|complete|settled|mature|matured|certain|confirmed yet|until|once',
  ],
  // Outcomes of any kind that arrive after the moment of prediction, and waiting for them: "conversions
  // arrive up to a week after the click", "installs trickle in days later", "labels come 90d late", "we wait
  // a week before treating an impression as a non-conversion" (the late-label half of label quality; the
  // chargeback's own delay is label-delay). "Conversions come from the pixel" names a source, not a delay;
  // "shown B, booked B later in session" is what happened in a session, not when the label arrives.
  'late-outcomes': [
    'conversion|conversions|purchase|purchases|install|installs|sale|sales|booking|bookings|registration|registrations|signup|signups|refund|refunds|return|returns|appeal|appeals|report|reports|chargeback|chargebacks|label|labels|outcome|outcomes arrive|arrives|arriving|land|lands|come|comes|trickle|trickles|appear|appears|reported|known|take|takes later|late|after|afterwards|delayed',
    'chargeback|chargebacks|dispute|disputes|label|labels|outcome|outcomes|conversion|conversions|verdict|verdicts d|day|days|week|weeks|month|months|hour|hours late|delayed|lag|lagged',
    'wait|waits|waiting|hold|holds day|days|week|weeks|month|months|hour|hours|window before|until negative|negatives|non|nonconversion|legitimate|unconverted|label|labels|labelling|labeling|final|mature',
  ],
  // Late labels handled by training only on data old enough for them: "train only on payments older than
  // 90 days", "the last 60 days are left out of training".
  'label-maturity': [
    'older than train|training|trained|label|labels|negatives|negative',
    'younger|newer|recent|newest|latest|fresher excluded|exclude|excludes|excluding|drop|dropped|drops|dropping|left|leave|leaves|skip|skipped|omit|omitted|remove|removed|withhold|withheld|ignore|ignored train|training|trained|label|labels|negatives',
  ],
  // Agents' replies taken as knowledge or training data: "mine question and answer pairs from agent
  // replies", "index the agents' answers". Not a reply named as the reference an answer is scored
  // against ("BLEU against the agent's reply"): that is an evaluation, not a source.
  'agent-replies-used': [
    'agent|agents reply|replies|answer|answers|response|responses mine|mined|mining|index|indexed|indexing|train|trained|training|source|sources|knowledge|pairs|extract|extracted|retrieve|retrieved|retrieval|corpus|rewrite|rewritten|filter|filtered|trust|trusted|distill|distilled|target|targets|label|labels',
  ],
  // A model named by its family or its published architecture: "fine-tune BERT", "YOLOv8 detector",
  // "a DLRM", "word2vec-style embeddings", "skip-gram on sessions", "LambdaMART ranker". Gradient-boosted
  // trees (XGBoost, LightGBM) are rewritten above to their family. Names that are common English words
  // in another sense ("clip", "sam", "gat", "fm") are left out; so is "llm" alone, which names no model.
  'model-family': [
    'bert|roberta|distilbert|deberta|electra|xlnet|xlm|sbert|colbert|gpt|llama|mistral|gemma|resnet|efficientnet|mobilenet|vit|convnext|vgg|yolo|yolov|detr|retinanet|unet|dlrm|dcn|deepfm|xdeepfm|mmoe|sasrec|bert4rec|ncf|lightgcn|pinsage|graphsage|gcn|gnn|deepwalk|lambdamart|ranknet|lstm|lstms|gru|grus|rnn|rnns|autoencoder|autoencoders|svm|knn',
    '2 vec',
    'skip gram|grams',
    'naive bayes',
    'isolation forest|forests',
    'cross|bi|dual|siamese encoder|encoders',
    'mixture experts',
  ],
  // Where the labels come from, named with the label: "labels: chargebacks", "labels come from reviewer
  // decisions", "we label from user reports". Not logs: "click logs, positive label" is a list of terms.
  'label-source': [
    'label|labels|labelled|labeled chargeback|chargebacks|dispute|disputes|report|reports|annotation|annotations|annotators|annotator|reviewer|reviewers|raters|rater|moderators|moderator|appeals|ratings|outcomes|investigations',
  ],
  // People judging outputs as the label: "they'd grade whether answers are correct", "raters mark each result
  // relevant or not", "reviewers judge the blur as right or wrong".
  'human-judgments': [
    'grade|grades|graded|grading|rate|rates|rated|judge|judges|judged|mark|marks|marked correct|correctness|incorrect|wrong|relevant|relevance|irrelevant|grounded',
  ],
  // Generated outputs scored offline by their graded quality: "the share of answers graded correct and
  // grounded", "an LLM as a judge", "faithfulness of the summaries".
  'graded-outputs': [
    'grade|grades|graded|grading|judge|judges|judged|score|scored|scores answers|answer|responses|response|outputs|summaries correct|correctness|grounded|groundedness|faithful|faithfulness|helpful|helpfulness|hallucination|hallucinations',
    'llm|llms judge|judges|grader|graders',
  ],
  // Scores cut into bands, each with its own action: "tiers of risk scores", "the middle band goes to
  // review", "two thresholds split approve, challenge and decline".
  'score-bands': [
    'band|bands|tier|tiers|bucket|buckets|zone|zones|range|ranges score|scores|risk|probability|probabilities',
    'low|lowest|middle|medium|mid|grey|gray|uncertain|high|highest score|scores|risk|band|zone approve|approved|allow|allowed|accept|accepted|challenge|challenged|decline|declined|review|reviewed|block|blocked|reject|rejected|verify|verification|hold|held|remove|removed|demote|demoted|downrank|downranked|escalate|escalated',
    'two|three|several|multiple|separate threshold|thresholds|cutoff|cutoffs',
  ],
  // Thresholds set from what each kind of error costs: "the threshold comes from the cost of a false
  // positive vs a missed fraud", "the money sets the thresholds", "cut-off where expected loss is lowest".
  'error-costs': [
    'threshold|thresholds|cutoff|cutoffs set|sets|setting|from|by|based|chosen|choose|chooses|pick|picked|where|tune|tuned|derive|derived|comes cost|costs|loss|losses|fee|fees|margin|money|dollars',
    'false|falsely|wrong|wrongly|mistaken|mistakenly|good|honest decline|declines|declined|declining|positive|positives|alarm|alarms miss|missed|misses|undetected|uncaught|negative|negatives cost|costs|expensive|versus|against',
  ],
  // A counter-metric: what the users' displeasure or the system's cost is counted by, set against an
  // engagement target ("with a negative weight on hide and report", "minus dislikes", "uninstalls").
  'counter-metric': [
    'hide|hides|dislike|dislikes|unfollow|unfollows|complaints|unsubscribe|unsubscribes|disables|uninstall|uninstalls|regret|guardrail|guardrails',
    'hide|hides|report|reports|block|blocks rate|rates|report|reports|block|blocks',
    'counter|counterbalancing metric|metrics|signal|signals',
    'negative weight|weights|reaction|reactions|feedback|signal|signals|engagement',
    'not interested',
    'satisfaction|survey|surveys',
    'long term value|retention|satisfaction',
  ],
  // A model of a quantile, for a range rather than a mean: "a quantile model (P90)", "quantile heads for
  // P10/P50/P90", "the upper percentile as a second output". Percentiles of latency name no model.
  'quantile-estimate': [
    'quantile|quantiles|percentile|percentiles model|models|head|heads|estimate|estimates|prediction|predictions|predictor|output|outputs|forecast|forecasts',
  ],
  // A cascade: a light model in front of a heavy one ("a light model for everything, the heavy
  // multimodal model for posts that need it", "a cheap classifier filters, an expensive one decides").
  cascade: [
    'light|lightweight|cheap|cheaper|fast heavy|heavier|expensive|costly|slow model|models|classifier|classifiers|ranker|rankers|pass|check|checks',
  ],
  // Metrics in money: "$ fraud caught", "recall weighted by amount", "dollar-weighted recall".
  'money-metric': [
    'dollars|dollar|money|amount|amounts|usd weighted|caught|prevented|recall|recalled',
  ],
  // Starting from something simple to beat.
  'simple-start': [
    // The reference to beat, by another name: "the bar to clear", "the yardstick any model must exceed".
    'start|begin|open with simple|simplest|heuristic|heuristics|rule|rules|popularity|popular|logistic', 'bar|yardstick beat|beats|clear|clears|exceed|exceeds', 'hand written|crafted|made rules|heuristics', 'nothing beats|beat',
    // A popularity list: "show everyone the most-watched videos of the week".
    'show|shows|showing|recommend|recommends|rank|ranks|ranking|serve|serves|sort|sorts|sorted|list most watched|viewed|popular|clicked|bought|purchased|played|booked',
  ],
  // Counts per entity over a time window, the velocity features of fraud: "count how many cards the phone
  // used in the last ten minutes", "number of payments per card in the past hour".
  'entity-counts': [
    'count|counts|counting|number|many payments|cards|attempts|transactions|failures|orders|declines|logins|accounts last|past|minutes|minute|hour|hours|window|windows',
  ],
  // Attackers changing what they do: "fraudsters switch tactics", "attackers probe the thresholds".
  'attackers-adapt': [
    'fraudsters|attackers|adversaries|scammers|fraudster|attacker adapt|adapts|adapting|switch|switches|change|changes|shift|shifts|evolve|evolves|evolving|probe|probes|react|reacts|tactics|strategies',
  ],
  // Declined cases whose outcome is never known, and letting a random few through to learn it.
  'declined-outcomes': [
    'declined|declines|blocked|rejected never|unknown|unlabeled|unlabelled learn|know|see|label|labels|outcome|outcomes|chargeback|chargebacks',
    'let|lets|approve|approves|allow|allows|pass|passes|accept|accepts random|randomly share|slice|sample|fraction|percent|through|few',
  ],
  // The expected loss of a decision weighed against what a wrong decline costs.
  'expected-loss': ['expected loss|losses|cost|costs margin|margins|good|honest|declining|friction|revenue|lifetime'],
  // A randomized comparison named by its arms, in either order: "control and treatment", "a control vs two variants".
  'experiment-arms': ['control treatment|treatments|variant|variants'],
  // The business outcome to grow: "drives ad revenue", "grow long-term watch time", "keep people coming back".
  // Not "lift": "revenue lift" is a metric's name in a list, not a goal.
  'business-growth': [
    'grow|grows|growing|increase|increases|drive|drives|driving|maximize|maximise|maximizes|boost|boosts|raise|raises|improve|improves revenue|engagement|retention|bookings|sales|gmv|conversions|purchases|subscriptions|dau|mau',
    'grow|grows|growing|increase|increases|drive|drives|maximize|maximise|boost|boosts|raise|improve watch|viewing|dwell|listening|reading|session time|minutes|hours',
    'keep|keeps|bring|brings people|users|viewers|customers|members|buyers|readers coming|come|return|returning back',
  ],
  // Fresh items mixed into what is shown: "mix in fresh uploads", "boost recent posts", "reserve slots
  // for new videos". Fresh items named as a subject ("fresh uploads have no interactions") are cold start.
  'fresh-mix': [
    'mix|mixes|mixing|blend|blends|boost|boosts|boosting|promote|promotes|inject|injects|interleave|reserve|reserves|favor|favour|favors|favours|upweight|upweights|surface|surfaces|slot|slots|quota|insert|inserts fresh|freshest|recent|newest|latest uploads|upload|content|posts|videos|items|stories|listings',
  ],
  // Forgetting what older data taught, and the remedies: "loses older patterns", "replay a sample of older data".
  forgetting: [
    'lose|loses|losing|lost|forget|forgets|forgetting|forgot|erase|erases|erased|overwrite|overwrites|unlearn|unlearns older|old|earlier|past|seasonal|rare|historical|previous patterns|behavior|behaviour|knowledge|trends|signals|examples',
    'replay|replays|replayed|replaying|mix|mixes|mixed|mixing|blend|blends|rehearse|rehearsal older|old|historical|earlier|past data|examples|samples|history|days|weeks|months',
  ],
  // A rate of good cases wrongly stopped, the counter-metric of a classifier that blocks: "good-decline
  // rate", "false decline rate", "wrongful removal rate".
  'wrongly-stopped-rate': [
    'good|honest|legitimate|false|wrong|wrongful|wrongly|mistaken decline|declines|declined|block|blocks|blocked|removal|removals|removed|rejection|rejections|rejected|stopped|takedown|takedowns rate|rates|share|percentage',
  ],
  // Honest customers harmed by a blocking system, named as what to spare: "without hurting conversion of
  // honest buyers", "turning away good customers", "annoying legitimate cardholders". The buyers alone
  // ("honest buyers vs fraudsters") are no harm.
  'good-customers-harmed': [
    'hurt|hurting|hurts|annoy|annoying|annoys|lose|losing|turn|turning|insult|insulting|frustrate|frustrating|decline|declining|block|blocking|reject|rejecting|friction|conversion|conversions|churn honest|good|legitimate|legit|genuine buyers|buyer|customers|customer|cardholders|shoppers',
  ],
  // A value known only after the moment of prediction: what happened later ("whether the card was later
  // reported stolen", "whether the user ended up liking it"), counts over the period that follows ("the
  // number of chargebacks in the following month"), totals that take in what came after the event ("views
  // after the impression", "the final view count"), the realized outcome of the case scored ("the actual
  // pickup time", "the realized drive duration"; "real" alone is too often "real-time"). As a feature it is label leakage (the red flags
  // future-information-feature); a label, a test period or a monitor may well be defined that way.
  'known-after-prediction': [
    // What happened later to the case scored, asked of it ("whether the payment was later refunded"); "later"
    // alone is often a plan ("later we could add more features, like ..."). Words are stems: "was" would be
    // any "be", "liked" the preposition "like".
    'whether|if|got|gets later|subsequently|afterwards|afterward|eventually|ultimately reported|flagged|charged|disputed|confirmed|watched|clicked|bought|purchased|converted|shared|rated|returned|refunded|cancelled|canceled|stolen|blocked|banned|removed|delivered|accepted|opened|hidden|booked|attended|reviewed|appealed',
    // The same in notes, with the verb of being ("was card later reported stolen (y/n)"), for outcomes whose
    // words are no plan's: "be" alone is any form of it ("are").
    'was|were|be|been later|subsequently|eventually|ultimately stolen|refunded|disputed|chargedback|banned|cancelled|canceled|converted|blocked',
    'ended|end|ends|ending|winds|wound up liking|liked|watching|watched|clicking|clicked|buying|bought|converting|converted|sharing|shared|booking|booked|attending|attended|accepting|accepted|opening|opened|hiding|hid|reporting|reported|finishing|finished|completing|completed',
    // A period after the case ("in the following month", "over the next 30 days"), not "next" as a step.
    'in|over|within|during|for following|next|subsequent|coming|upcoming month|months|week|weeks|day|days|hour|hours|minutes chargebacks|chargeback|disputes|reports|views|likes|clicks|watches|purchases|bookings|conversions|opens|count|counts|number|total|rate',
    'after|post impression|impressions|checkout|payment|payments|transaction|transactions|prediction|predictions|recommendation|recommendations|notification|send|authorization|scoring|serving|decision|upload|posting views|likes|clicks|watches|chargebacks|reports|count|counts|number|total|bookings|opens|engagement',
    'final|eventual|ultimate view|views|count|counts|likes|like|rating|ratings|status|outcome|outcomes|watch|clicks|engagement|reports|verdict',
    'actual|realized|realised|observed duration|pickup|prep|preparation|drive|driving|travel|arrival|delivery|route|outcome',
    'actual|realized|realised|observed time|times',
    // An outcome that comes in a span of time after the case: "conversions reported by advertisers up to 30
    // days later", "chargebacks that land weeks afterwards". A span before it ("the last 30 days") is history.
    'day|days|week|weeks|hour|hours|month|months|minute|minutes later|afterwards|afterward conversions|conversion|converted|chargebacks|chargeback|disputes|disputed|refunds|refunded|reports|reported|clicks|purchases|bookings|ratings|returns|outcome|outcomes|opens|likes|views|cancellations|cancelled',
  ],
  // A cut-off held to a high precision, the guard of an automatic action: "a 0.98 precision threshold",
  // "(precision 99%)", "set for 97 percent precision". Numbers are their digits: "0.98" reads as 0 98.
  'high-precision': ['precision|precise|confidence|confident 95|96|97|98|99|995|999'],
  // Link prediction said in plain words: "guessing which absent edges of the graph will soon appear",
  // "predict which connections form next". An edge or link, what forms, and the guess.
  'link-forecast': [
    'predict|predicts|predicting|guess|guesses|guessing|forecast|forecasts|forecasting|estimate|estimating|which|whether edge|edges|link|links|connection|connections|friendship|friendships appear|appears|form|forms|emerge|emerges|absent|missing|new|future|next',
  ],
  // Two retrievers, one by words and one by meaning: "a lexical and an embedding retriever", "keyword
  // search next to a vector index". "Text" is left out: "text embedding retrieval" is one dense retriever.
  'lexical-and-dense': [
    'lexical|keyword|keywords|bm25|sparse|inverted embedding|embeddings|semantic|dense|vector|vectors|neural retriever|retrievers|retrieval|search|index|indexes|candidates|recall',
  ],
  // How well a product's text fits the query, as a feature: "text match between query and title (BM25)",
  // "similarity of the query to the description". A product's field, not the product as such: "the
  // query goes to the product index for matching" is retrieval.
  'query-product-match': [
    'match|matches|matching|overlap|similarity|bm25|relevance query|queries title|titles|description|descriptions|attributes|attribute|brand|brands|category|categories',
    'match|overlap|similarity between query|queries product|products|item|items|listing|listings',
  ],
  // Each customer's data kept to itself: "a per-tenant index partition", "each customer's own namespace",
  // "one customer never sees another's data".
  'tenant-scope': [
    'per|own|separate tenant|tenants|customer|customers|org|orgs|organization|organisation|workspace|workspaces|company|companies index|indexes|indices|partition|partitions|partitioned|namespace|namespaces|shard|shards|filter|filters|filtered|collection|collections|permissions|acl|acls',
    'never|not|no|cannot|nobody|without see|sees|seen|read|reads|access|accesses|retrieve|retrieves|retrieved|cross|crosses another|other|others tenant|tenants|customer|customers|company|companies|org|orgs|account|accounts|data|docs|documents|tickets',
  ],
  // The share of deliveries late by more than a margin: "% late beyond 10 minutes", "fraction more than
  // 10 min late" (a bare "%" reads "percent", tokens.ts).
  'late-share': [
    'percent|share|fraction|proportion|percentage|rate late|lateness|overdue minutes|minute|min|mins',
  ],
  // A randomized split of people into groups that see different versions: "split customers randomly into
  // two groups", "randomly assign half the riders to the new estimates". Not a random train/test split:
  // the groups are arms, not sets.
  'random-groups': [
    'split|splits|divide|divides|divided|assign|assigns|assigned|allocate|allocated|bucket|bucketed|put customers|users|members|riders|drivers|buyers|sessions|accounts|people|shoppers|viewers|visitors|couriers|cities random|randomly|randomized|randomised|coin|half|halves groups|group|arms|arm|halves|half|cohorts|buckets|botharms',
  ],
  // The latency requirement answered in words: "latency is not critical", "latency matters most here".
  'latency-stated': [
    'latency|speed critical|important|crucial|concern|priority|matter|matters|urgent|sensitive|relaxed|lax|loose|secondary',
    'batch|nightly|overnight|precomputed|stale prediction|predictions|results|scores|recommendations|inference|scoring|lists|list fine|acceptable|ok|okay|enough|suffice|suffices|sufficient',
  ],
};

/** How many words apart the groups of a concept pattern may stand (the span, first to last). */
export const CONCEPT_WINDOW = 8;

/**
 * The ML problem type named by its task's name standing as a noun of its own, not only as "a
 * regression problem": "Regression of delivery minutes", "Regression: predict minutes to delivery",
 * "It's a regression", "This is classification of each payment", "Object detection: for each image,
 * ...". The same word after a model's family or a product names something else ("logistic
 * regression", "isotonic regression", "fraud detection", "drift detection"), and a compound names a
 * thing ("regression test set", "classification threshold"). A name stands on its own when it opens
 * a clause, or follows a determiner or the copula (a label's colon reads as "is"), optionally after
 * a qualifier of the task ("binary", "object"); and is followed by a clause boundary or one of the
 * `after` words. It is then read as "<name> problem", in the rubrics' words (reading/task-names.ts).
 */
export const TASK_NAMES = {
  nouns: ['regression', 'classification', 'detection', 'segmentation'],
  qualifiers: ['binary', 'multiclass', 'multilabel', 'object', 'supervised', 'semantic', 'instance'],
  before: ['a', 'an', 'the', 'is', 'are', 'was', 'be', 'as', 'it', 'this'],
  after: ['of', 'on', 'over', 'for', 'with', 'from', 'to', 'via', 'using', 'where', 'that', 'which', 'is', 'are', 'and', 'or', 'model', 'models', 'head', 'heads', 'setup', 'framing'],
} as const;

/**
 * Roles a metric or a model is given in a predicate, and the word that names the role in the rubrics'
 * words: "conversion as a guardrail", "guardrail = conversion", "Guardrails: hides and uninstalls", "the
 * guardrails are the disable rate" all read as "guardrail metric", which the rubrics look for. Only a role
 * that is filled: "guardrails are important" and "as well as guardrails" name none (reading/roles.ts).
 * `nouns` maps each role noun to the word read after it; `before` are the words that may stand between
 * "as" and the role ("as a guardrail", "as our guardrails"); `notBeforeAs` the words that make "as" part
 * of another phrase ("as well as", "such as"); `evaluative` the words after the copula that judge the role
 * rather than fill it ("guardrails are needed").
 */
export const ROLES = {
  nouns: { guardrail: 'metric', guardrails: 'metrics' } as Readonly<Record<string, string>>,
  before: ['a', 'an', 'the', 'our', 'one', 'another', 'extra', 'additional', 'secondary', 'hard', 'soft', 'key', 'main'],
  notBeforeAs: ['well', 'such', 'so', 'same', 'just', 'soon', 'long', 'far', 'much', 'many', 'as'],
  evaluative: [
    'important', 'needed', 'necessary', 'key', 'essential', 'crucial', 'critical', 'vital', 'useful', 'helpful', 'nice', 'good', 'bad',
    'missing', 'required', 'optional', 'not', 'hard', 'tricky', 'tbd', 'tbc', 'set', 'defined', 'there', 'enough', 'fine', 'ok', 'okay',
    'great', 'in', 'also', 'always', 'often', 'usually', 'sometimes', 'never', 'what', 'how', 'why', 'where', 'when', 'something', 'things',
    'worth', 'wise', 'overkill', 'easy', 'difficult', 'standard', 'common', 'discussed', 'covered', 'below', 'above', 'later', 'next', 'tracked',
  ],
} as const;
