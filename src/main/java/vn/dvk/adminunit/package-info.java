/**
 * Vietnam's administrative units (tỉnh, huyện, xã, thôn), every version of them across the 2025
 * reform, their successor links, and the import of the statistics office's official lists.
 */
package vn.dvk.adminunit;
