package org.openbpo.payroll.domain;

import org.openbpo.shared.money.Money;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Properties;
import java.util.SequencedMap;
import java.util.TreeSet;

/**
 * The text of one rule pack (a {@code .properties} file) with typed readers. A malformed value
 * stops the application at start-up with the pack and key named, never mid pay run.
 * Keys {@code unverified.<key>} mark values the reference labels [UNVERIFIED] or lists as open items.
 */
public final class PackData {

    private static final String UNVERIFIED = "unverified.";

    private final String name;
    private final Properties values = new Properties();

    private PackData(String name) {
        this.name = name;
    }

    /** Reads the layers in order; a later layer (an operator's override file) replaces keys of an earlier. */
    public static PackData read(String name, List<InputStream> layers) {
        PackData data = new PackData(name);
        for (InputStream layer : layers) {
            try (var reader = new InputStreamReader(layer, StandardCharsets.UTF_8)) {
                data.values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Rule pack " + name + " cannot be read", e);
            }
        }
        return data;
    }

    public String name() {
        return name;
    }

    public String text(String key) {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            throw problem(key, "is missing");
        }
        return value.strip();
    }

    public boolean has(String key) {
        return values.getProperty(key) != null;
    }

    public BigDecimal decimal(String key) {
        return decimal(key, text(key));
    }

    /** A rate written as a percentage in the pack (6.2), kept as the exact fraction (0.062). */
    public BigDecimal rate(String key) {
        return Rates.fromPercent(decimal(key));
    }

    public Money money(String key, Currency currency) {
        return money(key, text(key), currency);
    }

    public int whole(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException e) {
            throw problem(key, "is not a whole number");
        }
    }

    /** Whitespace-separated words. */
    public List<String> words(String key) {
        return Arrays.asList(text(key).split("\\s+"));
    }

    /** Comma-separated rows of whitespace-separated fields, each row with exactly {@code width} fields. */
    public List<List<String>> rows(String key, int width) {
        List<List<String>> rows = new ArrayList<>();
        for (String row : text(key).split(",")) {
            List<String> fields = Arrays.asList(row.strip().split("\\s+"));
            if (fields.size() != width) {
                throw problem(key, "has a row '" + row.strip() + "' without " + width + " fields");
            }
            rows.add(fields);
        }
        return rows;
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        try {
            return Enum.valueOf(type, text(key));
        } catch (IllegalArgumentException e) {
            throw problem(key, "is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public BigDecimal decimal(String key, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw problem(key, "has '" + text + "', which is not a decimal number");
        }
    }

    public Money money(String key, String text, Currency currency) {
        try {
            return Money.of(decimal(key, text), currency);
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage());
        }
    }

    /** The keys marked unverified and why, in key order. Every marked key must exist. */
    public SequencedMap<String, String> unverified() {
        SequencedMap<String, String> marked = new LinkedHashMap<>();
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            if (key.startsWith(UNVERIFIED)) {
                String subject = key.substring(UNVERIFIED.length());
                if (!has(subject)) {
                    throw problem(key, "marks '" + subject + "', which the pack does not have");
                }
                marked.put(subject, text(key));
            }
        }
        return marked;
    }

    public IllegalStateException problem(String key, String what) {
        return new IllegalStateException("Rule pack " + name + ": " + key + " " + what);
    }
}
