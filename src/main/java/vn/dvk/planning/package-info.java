/**
 * How the movement is steered: periods, plans of a unit with their founding documents and targets per
 * child unit and year (and their progress against the registry), the other emulation movements
 * initiatives are linked to, and experience-exchange conferences and reviews with their papers.
 */
@ApplicationModule(displayName = "Periods, plans and conferences")
package vn.dvk.planning;

import org.springframework.modulith.ApplicationModule;
