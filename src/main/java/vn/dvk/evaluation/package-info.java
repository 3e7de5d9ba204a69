/**
 * Evaluation by criteria: criteria sets per unit and period, each evaluator's sheet of scores, and
 * the result (the average of the submitted sheets mapped to a rating) recorded as the
 * initiative-year's evaluation step.
 */
package vn.dvk.evaluation;
