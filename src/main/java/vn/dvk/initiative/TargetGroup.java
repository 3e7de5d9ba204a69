package vn.dvk.initiative;

/** Areas the movement pays special attention to. */
public enum TargetGroup { ETHNIC_MINORITY, RELIGIOUS }
