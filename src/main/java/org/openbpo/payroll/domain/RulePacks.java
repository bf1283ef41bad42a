package org.openbpo.payroll.domain;

import org.openbpo.payroll.domain.unitedstates.UnitedStatesRulePack;
import org.openbpo.payroll.domain.unitedkingdom.UnitedKingdomRulePack;
import org.openbpo.payroll.domain.philippines.PhilippinesRulePack;
import org.openbpo.payroll.domain.india.IndiaRulePack;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every rule pack, by country and tax year. The packs OpenBPO ships are files under
 * {@code payroll/rule-packs/} on the class path, listed in its {@code index}; an operator's folder
 * may hold files of the same name, whose keys replace the shipped ones (to configure an unverified
 * value), and files for new years, which become packs without a release.
 */
public final class RulePacks {

    private static final String SHIPPED = "payroll/rule-packs/";

    private final Map<String, RulePack> packs;

    private RulePacks(Map<String, RulePack> packs) {
        this.packs = Map.copyOf(packs);
    }

    /** The shipped packs only. */
    public static RulePacks shipped() {
        return load(null);
    }

    /** The shipped packs with the operator's folder laid over them, if there is one. */
    public static RulePacks load(Path operatorFolder) {
        TreeSet<String> files = new TreeSet<>(shippedFiles());
        if (operatorFolder != null) {
            files.addAll(operatorFiles(operatorFolder));
        }
        Map<String, RulePack> packs = new TreeMap<>();
        for (String file : files) {
            List<InputStream> layers = new ArrayList<>();
            InputStream shipped = RulePacks.class.getClassLoader().getResourceAsStream(SHIPPED + file);
            if (shipped != null) {
                layers.add(shipped);
            }
            if (operatorFolder != null && Files.isRegularFile(operatorFolder.resolve(file))) {
                layers.add(open(operatorFolder.resolve(file)));
            }
            RulePack pack = parse(PackData.read(file, layers));
            String expected = pack.info().country() + "-" + pack.info().taxYear() + ".properties";
            if (!expected.equals(file)) {
                throw new IllegalStateException("Rule pack file " + file + " holds " + pack.info().id() + "; name it " + expected);
            }
            packs.put(key(pack.info().country(), pack.info().taxYear()), pack);
        }
        return new RulePacks(packs);
    }

    private static RulePack parse(PackData data) {
        Country country = data.choice("country", Country.class);
        Function<PackData, RulePack> reader = switch (country) {
            case US -> UnitedStatesRulePack::from;
            case GB -> UnitedKingdomRulePack::from;
            case IN -> IndiaRulePack::from;
            case PH -> PhilippinesRulePack::from;
        };
        try {
            return reader.apply(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Rule pack " + data.name() + ": " + e.getMessage(), e);
        }
    }

    /** The pack of a country and tax year, or a rejection naming {@code taxYear}. */
    public RulePack find(Country country, String taxYear) {
        RulePack pack = packs.get(key(country, taxYear));
        if (pack == null) {
            throw BusinessRuleViolation.invalid("taxYear", "There is no " + country + " rule pack for tax year '" + taxYear
                    + "'; there are " + taxYears(country));
        }
        return pack;
    }

    public List<String> taxYears(Country country) {
        return packs.values().stream().filter(pack -> pack.info().country() == country)
                .map(pack -> pack.info().taxYear()).sorted().toList();
    }

    public List<RulePack> all() {
        return List.copyOf(packs.values());
    }

    private static String key(Country country, String taxYear) {
        return country + "-" + taxYear;
    }

    private static List<String> shippedFiles() {
        try (InputStream index = Objects.requireNonNull(
                RulePacks.class.getClassLoader().getResourceAsStream(SHIPPED + "index"), "rule pack index")) {
            return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> operatorFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".properties")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule pack folder " + folder, e);
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
