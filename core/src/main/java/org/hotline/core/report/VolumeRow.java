package org.hotline.core.report;

import java.time.OffsetDateTime;

/**
 * The calls of one time bucket (and one group, when grouped).
 *
 * @param start the bucket's start, in the report's time zone
 * @param end the next bucket's start
 * @param group the group's value ({@code sales}, {@code 1001}, {@code VIP}...); null for the calls
 *     without one, and when the report is not grouped
 * @param calls inbound customer calls that arrived in the bucket
 * @param callbacks callback attempts (calls back to customers) that started in the bucket, apart
 *     from {@code calls}
 */
public record VolumeRow(
    OffsetDateTime start, OffsetDateTime end, String group, long calls, long callbacks) {}
