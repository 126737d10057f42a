import { describe } from 'vitest';
import { flagCases, type Case } from '../helpers/stage-cases.js';

// Tryout 8 (F6): a real mistake passed silently. A declined payment never gets a chargeback, so labelling
// declines as fraud copies the old rules' guesses into the labels; the prompt's own facts say so.
describe('declines-as-fraud-labels: declined payments used as fraud labels', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Data', 'We label every declined payment as fraud, since the rules blocked it.'],
    ['fraud-detection', 'Data', 'Blocked payments count as positives.'],
    ['fraud-detection', 'Data', 'Training data: approved payments with chargebacks, and we treat declined payments as fraud too.'],
    ['fraud-detection', 'Data', 'To get more positives we also use the rule declines as fraud examples.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Data', 'Declined payments never get a label, so we leave them out of training.'],
    ['fraud-detection', 'Data', 'We cannot treat declined payments as fraud: they have no outcome.'],
    ['fraud-detection', 'Data', 'Labels: chargebacks mark fraud; declined payments are excluded rather than counted as fraud.'],
    ['fraud-detection', 'Data', 'We label fraud from chargebacks and mark declined payments separately.'],
    ['fraud-detection', 'Evaluation', 'We count false positives as declined good buyers and report the decline rate.'],
    ['fraud-detection', 'Data', "We don't count declined payments as fraud."],
  ];
  flagCases('declines-as-fraud-labels', fires, quiet);
});
