package org.netzerocities.community.city;

/**
 * A Cities Mission city.
 *
 * @param country    ISO 3166-1 alpha-2 code
 * @param language   main local language, ISO 639-1 code
 * @param associated from a country associated to Horizon Europe rather than an EU member state
 * @param timeZone   IANA time zone, the default of its members
 */
public record City(String id, String name, String country, String language, boolean associated, String timeZone) {
}
