/**
 * The demo data built from ../shared/demo/FACTS.md (kept in src/main/resources/demo, never read
 * from ../shared): loaded on the first start when dvk.demo.enabled is true.
 */
package vn.dvk.demo;
