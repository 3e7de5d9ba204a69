package vn.dvk.initiative;

/** Mô hình (a way of working others copy) or điển hình (a collective or person held up as an example). */
public enum Kind { MODEL, EXEMPLAR }
