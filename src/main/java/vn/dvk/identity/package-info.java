/**
 * Users, roles, data scope, login (form, HTTP Basic, bearer tokens), lockout, password policy and
 * the web's security settings. Other modules see the logged-in user through
 * {@link vn.dvk.shared.security.CurrentUser}.
 */
package vn.dvk.identity;
