package vn.dvk.shared.storage;

import vn.dvk.shared.VietnameseText;

/**
 * The name of an uploaded file as it may be kept and shown: without its folders, control characters
 * (NUL included, which PostgreSQL cannot store) or characters forbidden in file names, in NFC, and
 * shortened (keeping its extension) to what the column holds. Never blank.
 */
public final class UploadNames {

    private UploadNames() {
    }

    public static String clean(String original, int maxLength, String fallback) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[:*?\"<>|\\p{Cntrl}\\p{Cf}]", "_");
        String cleaned = VietnameseText.clean(name);
        name = cleaned == null ? "" : cleaned.strip();
        if (name.isEmpty()) {
            return fallback;
        }
        if (name.length() > maxLength) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, maxLength - extension.length()) + extension;
        }
        return name;
    }
}
