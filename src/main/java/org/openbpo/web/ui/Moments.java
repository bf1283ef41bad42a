package org.openbpo.web.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the work screens write moments and spans: in the client's zone, the way people say them. */
final class Moments {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private Moments() {
    }

    static String at(Instant instant, ZoneId zone) {
        return DAY_AND_TIME.format(instant.atZone(zone));
    }

    /** Business time in hours and minutes: a business "day" means different hours to different clients. */
    static String span(Duration duration) {
        long minutes = Math.abs(duration.toMinutes());
        long hours = minutes / 60;
        return hours == 0 ? minutes + " min" : hours + " h " + (minutes % 60) + " min";
    }
}
