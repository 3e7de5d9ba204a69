/**
 * The audit trail: every create, update, delete, state change, import, export, login and failed
 * login, append-only and chained by hash so that a changed or removed entry is detected.
 */
package vn.dvk.audit;
