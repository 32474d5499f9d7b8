/**
 * Statistics for evaluating a programme against its theory of change: intervals and exact tests
 * for shares ({@link org.evident.analysis.Proportions}), verdicts against targets that refuse to
 * call a result from too few answers ({@link org.evident.analysis.Verdict}), XmR run charts read the
 * NHS "Making Data Count" way ({@link org.evident.analysis.RunChart}) and small-number suppression
 * for published counts of people ({@link org.evident.analysis.SuppressionRule}). Evidence grading
 * and longitudinal comparison arrive with later issues.
 */
package org.evident.analysis;
