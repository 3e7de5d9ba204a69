/**
 * Who owns initiatives and decides on them: party committees and cells, government, the
 * Fatherland Front, mass organisations, the armed forces, agencies and enterprises, each attached
 * to an administrative unit, with an optional parent organisation.
 */
package vn.dvk.organisation;
