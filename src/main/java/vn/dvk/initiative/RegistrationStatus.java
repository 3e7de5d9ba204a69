package vn.dvk.initiative;

/** Xây dựng mới (first registered that year) or duy trì (kept up from earlier years). */
public enum RegistrationStatus { NEW, MAINTAINED }
