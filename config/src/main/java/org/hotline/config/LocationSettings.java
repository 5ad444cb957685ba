package org.hotline.config;

/**
 * Caller location from the number alone.
 *
 * @param language language of place and carrier names, {@code zh} or {@code en}
 * @param defaultRegion ISO 3166 code of the region numbers without a country code belong to ({@code
 *     CN}); also the region customer numbers are normalised to E.164 with
 */
public record LocationSettings(String language, String defaultRegion) {}
