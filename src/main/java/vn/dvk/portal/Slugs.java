package vn.dvk.portal;

import vn.dvk.shared.VietnameseText;

/** Clean Vietnamese slugs for URLs: no diacritics, words joined by hyphens ("dan-van-kheo"), the id at the end. */
final class Slugs {

    private Slugs() {
    }

    static String of(String text, long id) {
        String words = VietnameseText.fold(text).replace(' ', '-');
        if (words.length() > 180) {
            words = words.substring(0, 180).replaceAll("-[^-]*$", "");
        }
        return (words.isEmpty() ? "mo-hinh" : words) + "-" + id;
    }
}
