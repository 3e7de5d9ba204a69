/**
 * The movement's figures: the summary of a unit (and everything under it) for a year, by sector,
 * new/maintained, kind, holder, recognition, featured and commendation, one row per child unit, and
 * trends over years. Read with explicit, indexed SQL over the registrations.
 */
package vn.dvk.report;
