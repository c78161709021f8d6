package org.waypoint.notification.alert.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Formatting helpers for templates ({@code fmt} in the model): UK dates, pounds and pence, labels.
 * Values arrive as the event's JSON text; anything unreadable is shown as written.
 */
public final class MailFormat {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    /** 2022-03-31 as "31 March 2022" (also reads a date-time). */
    public String date(Object iso) {
        LocalDate date = toDate(iso);
        return date == null ? text(iso) : LONG.format(date);
    }

    /** 2022-03-31 as "31 Mar 2022" (the short form used in subject lines; "Sept" avoided). */
    public String shortDate(Object iso) {
        LocalDate date = toDate(iso);
        return date == null ? text(iso) : SHORT.format(date).replace("Sept", "Sep");
    }

    /** An instant as "1 April 2022 at 09:00" UK time. */
    public String dateTime(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(String.valueOf(iso)).atZone(UK));
        } catch (DateTimeParseException e) {
            return date(iso);
        }
    }

    /** "-1234.50" as "-£1,234.50". */
    public String money(Object amount) {
        if (amount == null) {
            return "";
        }
        try {
            BigDecimal value = new BigDecimal(String.valueOf(amount));
            NumberFormat pounds = NumberFormat.getCurrencyInstance(Locale.UK);
            return pounds.format(value);
        } catch (NumberFormatException e) {
            return String.valueOf(amount);
        }
    }

    /** "SAFE-2" and a title as "SAFE-2 Support ...", the title alone without a reference. */
    public String label(Object reference, Object title) {
        String ref = text(reference).trim();
        return ref.isEmpty() ? text(title) : ref + " " + text(title);
    }

    /** TOP_BAND as "top band". */
    public String words(Object constant) {
        return text(constant).toLowerCase(Locale.UK).replace('_', ' ');
    }

    /** A list of constants as "top band and above appetite". */
    public String wordsList(Object constants) {
        if (constants instanceof Collection<?> many) {
            var words = many.stream().map(this::words).toList();
            if (words.size() <= 1) {
                return String.join("", words);
            }
            return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        }
        return words(constants);
    }

    /** The names of people given as {name, ...} objects or a list of them. */
    public String names(Object people) {
        if (people instanceof Collection<?> many) {
            return many.stream().map(this::names).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        }
        if (people instanceof Map<?, ?> person) {
            return text(person.get("name"));
        }
        return text(people);
    }

    public String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    public boolean differs(Object a, Object b) {
        return a != null && !Objects.equals(text(a), text(b));
    }

    private static LocalDate toDate(Object iso) {
        if (iso == null) {
            return null;
        }
        String text = String.valueOf(iso);
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
