package org.claimledger.common.time;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date with the precision its source gives (ISO 8601 / EDTF level 0): a day {@code 2021-08-26}, a
 * month {@code 2019-05}, a year {@code 2015}, or an interval of those {@code 2019/2020}. It keeps the
 * text exactly as given and the first and last day it can mean, so that filters compare ranges: the
 * claim "in 2015" overlaps 2015-06-01, and {@code 2019/2020} covers 2019-01-01 to 2020-12-31.
 */
@JsonDeserialize(using = FuzzyDate.Reader.class)
public record FuzzyDate(String text, LocalDate first, LocalDate last) {

    /** What a client may send, for the contract and for error messages. */
    public static final String PATTERN = "^\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?$";
    public static final String FORMS = "a date with the precision the source gives: 2021-08-26, 2021-08, 2021, "
            + "or an interval such as 2019/2020 or 2019-05/2019-07";

    private static final Pattern ONE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** Reads one of the forms, or throws {@link IllegalArgumentException} saying what is wrong. */
    public static FuzzyDate parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            LocalDate[] range = range(trimmed);
            return new FuzzyDate(trimmed, range[0], range[1]);
        }
        LocalDate[] start = range(trimmed.substring(0, slash));
        LocalDate[] end = range(trimmed.substring(slash + 1));
        if (end[0].isBefore(start[0])) {
            throw new IllegalArgumentException("'" + trimmed + "' ends before it starts");
        }
        return new FuzzyDate(trimmed, start[0], end[1]);
    }

    private static LocalDate[] range(String part) {
        Matcher m = ONE.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + truncate(part) + "' is not " + FORMS);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1) {
            throw new IllegalArgumentException("'" + part + "' must be within the years 0001 to 9999");
        }
        try {
            if (m.group(2) == null) {
                return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
            }
            LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
            return new LocalDate[] {day, day};
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + part + "' is not a calendar date");
        }
    }

    /** A day, as the dates recorded before precision was kept. */
    public static FuzzyDate of(LocalDate day) {
        return day == null ? null : new FuzzyDate(day.toString(), day, day);
    }

    /** Whether this date and [from, to] share at least one day; a null end is open. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || !first.isAfter(to)) && (from == null || !last.isBefore(from));
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    private static String truncate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** Reads a JSON string; anything else, or a string of no accepted form, is a 400 naming the field. */
    static final class Reader extends StdDeserializer<FuzzyDate> {
        Reader() {
            super(FuzzyDate.class);
        }

        @Override
        public FuzzyDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (FuzzyDate) context.handleUnexpectedToken(FuzzyDate.class, parser);
            }
            String text = parser.getText();
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                throw context.weirdStringException(text, FuzzyDate.class, e.getMessage());
            }
        }
    }
}
