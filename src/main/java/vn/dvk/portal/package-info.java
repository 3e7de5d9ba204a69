/**
 * The public face of DVK: recognised initiatives that their owners or officers have listed, the
 * stories officers publish about them, and visitors' feedback after moderation. Public pages read
 * only public-safe columns, never a scope-bound registry view, so nothing private can leak through
 * them (no evaluations, scores, drafts, responsible officers or visitors' contact details).
 */
@ApplicationModule(displayName = "Public portal")
package vn.dvk.portal;

import org.springframework.modulith.ApplicationModule;
