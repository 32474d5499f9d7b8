/**
 * Statistics, KPI verdicts, run charts, evidence grading and longitudinal comparison. Arrives
 * with the analysis and evidence issues; the module builds empty until then.
 */
package org.evident.analysis;
