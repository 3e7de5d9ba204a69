/** Helpers for the movement's own metrics, exposed through Micrometer at /actuator/prometheus. */
package vn.dvk.shared.metrics;
