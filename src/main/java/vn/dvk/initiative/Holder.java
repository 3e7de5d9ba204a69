package vn.dvk.initiative;

/** Tập thể or cá nhân. */
public enum Holder { COLLECTIVE, INDIVIDUAL }
