/** The officers' start page: key figures of the movement in the user's scope. */
package vn.dvk.dashboard;
