/**
 * The register of "Dân vận khéo" models and exemplars: initiatives, sectors, yearly registrations,
 * replication from pilots, indicators, attachments and search.
 */
package vn.dvk.initiative;
