/**
 * Readers for the delivery tracker, survey responses, KPI returns and coded findings, with row
 * validation, rejects and aggregation onto the theory of change's indicators. Arrives with the
 * ingest issue; the module builds empty until then.
 */
package org.evident.ingest;
