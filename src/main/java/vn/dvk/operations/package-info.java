/**
 * Running DVK: online backups of the embedded database with the attachment store (PostgreSQL is backed
 * up with its own tools, see the README's operations section and tools/backup-postgres.sh).
 */
package vn.dvk.operations;
