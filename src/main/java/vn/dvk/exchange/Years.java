package vn.dvk.exchange;

import vn.dvk.shared.VietnameseText;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Years as offices type them in a spreadsheet cell, dates and Excel day numbers included. */
final class Years {

    /** A year read, and the day it was taken from when the cell held a date. */
    record Read(int year, LocalDate date, boolean serial) {
        boolean fromDate() {
            return date != null;
        }
    }

    private static final Pattern YEAR = Pattern.compile("^(?:nam )?(\\d{4})(?: 0+)?$");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})$");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T].*)?$");
    /** Day 1 of Excel's (1900) calendar is 1900-01-01; counting from 1899-12-30 allows for its phantom 29 February 1900. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Years() {
    }

    /** The year in the text, or null when it holds none. */
    static Read read(String text) {
        String clean = VietnameseText.clean(text);
        Matcher dmy = DAY_MONTH_YEAR.matcher(clean);
        if (dmy.matches()) {
            return date(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)), Integer.parseInt(dmy.group(1)));
        }
        Matcher iso = ISO.matcher(clean);
        if (iso.matches()) {
            return date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        // "2023", "năm 2023", "2023.0", "2023,0" (folded: punctuation becomes a space)
        Matcher year = YEAR.matcher(VietnameseText.fold(clean));
        if (year.matches()) {
            return new Read(Integer.parseInt(year.group(1)), null, false);
        }
        try {
            double number = Double.parseDouble(clean.replace(",", "."));
            if (number == Math.rint(number) && number >= 10_000 && number <= 2_958_465) {
                LocalDate day = EXCEL_EPOCH.plusDays((long) number);
                return new Read(day.getYear(), day, true);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Read date(int year, int month, int day) {
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return new Read(year, date, false);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A day as the preview shows it. */
    static String shown(LocalDate day) {
        return SHOWN.format(day);
    }
}
