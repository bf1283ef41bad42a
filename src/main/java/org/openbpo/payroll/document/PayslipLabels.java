package org.openbpo.payroll.document;

import org.jspecify.annotations.Nullable;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of a payslip in the employee's language: {@code payroll/payslip/labels_<language>.properties}
 * (English, Spanish and Filipino today), English for any other language. The JVM's own locale never
 * decides: only the employee's language, then the English file.
 */
public final class PayslipLabels {

    /** The languages that have their own labels. */
    public static final List<String> LANGUAGES = List.of("en", "es", "fil");

    private static final ResourceBundle.Control NO_JVM_LOCALE = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private PayslipLabels(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static PayslipLabels of(@Nullable String language) {
        Locale locale = language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
        String primary = locale.getLanguage();
        if (!LANGUAGES.contains(primary)) {
            locale = Locale.ENGLISH;
        }
        try {
            return new PayslipLabels(ResourceBundle.getBundle("payroll.payslip.labels", locale, NO_JVM_LOCALE), locale);
        } catch (MissingResourceException missing) {
            return new PayslipLabels(ResourceBundle.getBundle("payroll.payslip.labels", Locale.ROOT, NO_JVM_LOCALE), Locale.ENGLISH);
        }
    }

    /** The language the labels are in (en when the employee's has none). */
    public String language() {
        return bundle.getLocale().getLanguage().isEmpty() ? "en" : bundle.getLocale().getLanguage();
    }

    public String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(arguments);
    }
}
