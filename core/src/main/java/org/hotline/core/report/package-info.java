/**
 * Supervisor reports from the CDRs and the agents' state changes: call volume by time bucket, queue
 * summaries (offered, answered, abandoned, service level, ASA, AHT), agent figures (calls handled,
 * time in each state, occupancy) and the calls behind a figure. Every figure is aggregated by the
 * database; the definitions are in {@code docs/metrics.md}, "Reports".
 */
package org.hotline.core.report;
