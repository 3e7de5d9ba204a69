package vn.dvk.initiative;

import java.util.Locale;
import vn.dvk.shared.VietnameseText;

import java.util.regex.Pattern;

/** A user's file name made safe to show and to send back in Content-Disposition. */
final class FileNames {

    static final int MAX_LENGTH = 120;
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N} ._()-]");

    private FileNames() {
    }

    static String sanitise(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = VietnameseText.clean(UNSAFE.matcher(name).replaceAll("_"));
        name = name.replaceAll("^[. ]+", "");
        if (name.isBlank()) {
            name = "tep";
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
