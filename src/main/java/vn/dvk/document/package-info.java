/**
 * The documents an organisation issues: how it heads and signs them (its document settings, with
 * defaults from the organisation, its unit and type), its yearly numbering, and the register of the
 * documents it issued, kept exactly as issued.
 */
@ApplicationModule(displayName = "Issued documents")
package vn.dvk.document;

import org.springframework.modulith.ApplicationModule;
