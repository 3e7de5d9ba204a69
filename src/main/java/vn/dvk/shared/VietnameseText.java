package vn.dvk.shared;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place where Vietnamese text is cleaned, folded for search and keyed for sorting.
 * Input may come from Word or Excel in NFD, with non-breaking spaces, or with tone marks placed
 * in the old or the new style ("Hòa" / "Hoà"); all keys treat those as the same text.
 */
public final class VietnameseText {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Collator COLLATOR;
    private static final int MAX_SORT_KEY = 1000;

    static {
        Collator collator = Collator.getInstance(new ULocale("vi"));
        collator.setStrength(Collator.TERTIARY);
        COLLATOR = collator.freeze();
    }

    private VietnameseText() {
    }

    /** NFC, whitespace collapsed to single spaces, trimmed; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        // most text is clean already (an import cleans each cell and each name several times): returned as it is
        return isClean(nfc) ? nfc : SPACES.matcher(nfc).replaceAll(" ").strip();
    }

    /** True when collapsing the spaces and stripping would change nothing: single plain spaces, none at either end. */
    static boolean isClean(String text) {
        int last = text.length() - 1;
        if (last >= 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(last)))) {
            return false;
        }
        boolean space = false;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            boolean collapsed = c <= ' ' ? c == ' ' || c >= '\t' && c <= '\r' : c == '\u00A0' || c == '\u2007' || c == '\u202F'
                    || c == '\u200B' || c == '\uFEFF';
            if (collapsed && (c != ' ' || space)) {
                return false;
            }
            space = collapsed;
        }
        return true;
    }

    /** True when the text is null or only whitespace of any kind. */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        // most cells are plainly filled or plainly empty: decided without normalising
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b' && c != '\ufeff') {
                // a character that neither the spaces' pattern nor strip() removes: the cleaned text is not empty
                return false;
            }
        }
        return true;
    }

    /**
     * The search key: lower case, no diacritics, đ as d, punctuation as single spaces.
     * "Đạ M' Rông" and "da m'rong" both give "da m rong".
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // the same as foldSlowly, a character at a time from a table (imports fold every name of a commune)
        StringBuilder folded = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String part = c < FOLDED.length ? FOLDED[c] : null;
            if (part == null) {
                return foldSlowly(text);
            }
            if (part == GAP) {
                gap = true;
            } else if (!part.isEmpty()) {
                if (gap && !folded.isEmpty()) {
                    folded.append(' ');
                }
                gap = false;
                folded.append(part);
            }
        }
        return folded.toString();
    }

    static String foldSlowly(String text) {
        return NOT_ALNUM.matcher(bare(text)).replaceAll(" ").strip();
    }

    /** Without marks, đ as d, in lower case: the first half of a fold. */
    private static String bare(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
    }

    private static final String GAP = new String(" ");
    /**
     * What each character below U+2100 folds to on its own: letters and digits, nothing (a mark) or a gap; null where
     * that depends on its neighbours (the final sigma) or mixes letters and gaps, so the text is folded the slow way.
     */
    private static final String[] FOLDED = new String[0x2100];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            if (c == '\u03A3' || Character.isSurrogate(c)) {
                continue;
            }
            String alone = bare(String.valueOf(c));
            boolean letters = !NOT_ALNUM.matcher(alone).find();
            boolean gaps = NOT_ALNUM.matcher(alone).matches();
            FOLDED[c] = alone.isEmpty() || letters ? alone : gaps ? GAP : null;
        }
    }

    /**
     * A key that keeps every letter and diacritic but not where the tone mark sits, nor case or
     * spacing: "Hòa Bình", "Hoà Bình" and "HOÀ  BÌNH" give the same key, "Hoa Bình" does not.
     */
    public static String spellingKey(String text) {
        String cleaned = clean(text);
        if (cleaned == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(cleaned.toLowerCase(new Locale("vi")), Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(decomposed.length());
        StringBuilder word = new StringBuilder();
        char tone = 0;
        for (int i = 0; i <= decomposed.length(); i++) {
            char c = i < decomposed.length() ? decomposed.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || (Character.getType(c) == Character.NON_SPACING_MARK && !isTone(c))) {
                word.append(c);
            } else if (isTone(c)) {
                tone = c;
            } else {
                if (word.length() > 0) {
                    key.append(word);
                    if (tone != 0) {
                        key.append(tone);
                    }
                    key.append(' ');
                }
                word.setLength(0);
                tone = 0;
            }
        }
        return key.toString().strip();
    }

    private static boolean isTone(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }

    /**
     * A key whose plain string order (byte order, "C" collation) is the Vietnamese alphabetical order,
     * for ORDER BY in the database: a, ă, â, b, c, d, đ, e, ê, ...
     */
    public static String sortKey(String text) {
        String cleaned = clean(text);
        if (cleaned == null) {
            return "";
        }
        byte[] bytes = COLLATOR.getCollationKey(cleaned).toByteArray();
        String hex = HexFormat.of().formatHex(bytes);
        return hex.length() > MAX_SORT_KEY ? hex.substring(0, MAX_SORT_KEY) : hex;
    }

    /** Vietnamese alphabetical order for sorting in memory. */
    public static Comparator<String> order() {
        return (a, b) -> COLLATOR.compare(clean(a), clean(b));
    }
}
