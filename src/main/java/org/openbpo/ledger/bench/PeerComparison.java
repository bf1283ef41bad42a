package org.openbpo.ledger.bench;

import org.openbpo.ledger.JournalFiles;
import org.openbpo.ledger.Reports;
import org.openbpo.ledger.TrialBalance;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The trial balance of the bulk-imported books against ledger-cli's and hledger's balance of the
 * same books exported as a journal: every account's balance per currency must agree to the cent.
 * Debian's ledger and hledger are installed with apt-get when missing (benchmarks run as root).
 */
final class PeerComparison {

    private final Reports reports;
    private final JournalFiles files;
    private final BenchReport report;

    PeerComparison(Reports reports, JournalFiles files, BenchReport report) {
        this.reports = reports;
        this.files = files;
        this.report = report;
    }

    void run(java.util.UUID client, LocalDate asOf) throws Exception {
        TrialBalance trial = null;
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            trial = TenantScope.call(AllowedClients.only(client), () -> reports.trialBalance(client, asOf));
            runs.add(System.nanoTime() - started);
        }
        long ours = runs.stream().sorted().toList().get(runs.size() / 2);
        report.figure("trial balance: OpenBPO (median of 5)", ours / 1e6, "ms");
        Map<String, Map<String, BigDecimal>> expected = balances(trial);

        Path journal = Files.createTempFile("openbpo-ledger-bench", ".journal");
        long exportStarted = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(journal)) {
            TenantScope.run(AllowedClients.only(client), () -> files.export(client, out));
        }
        report.figure("journal export", (System.nanoTime() - exportStarted) / 1e9, "s")
                .figure("journal size", Files.size(journal) / 1e6, "MB");

        Set<String> currencies = new TreeSet<>(trial.totals().stream().map(TrialBalance.Total::currency).toList());
        List<String> totals = new ArrayList<>();
        for (String currency : currencies) {
            totals.add("OpenBPO " + debits(expected, currency) + " " + currency);
        }
        for (String tool : List.of("ledger", "hledger")) {
            Optional<Path> binary = installed(tool);
            if (binary.isEmpty()) {
                report.note(tool + " is not installed and apt-get could not install it: no comparison");
                continue;
            }
            long started = System.nanoTime();
            PeerBalances.Balances theirs = tool.equals("ledger") ? PeerBalances.ledger(binary.get(), journal)
                    : PeerBalances.hledger(binary.get(), journal);
            long took = System.nanoTime() - started;
            report.figure("trial balance: " + tool, took / 1e6, "ms")
                    .figure("ratio " + tool + " / OpenBPO", (double) took / ours, "x")
                    .figure("balances differing from " + tool, differences(expected, theirs.byAccount()), "account-currencies");
            for (String currency : currencies) {
                totals.add(tool + " " + theirs.debits(currency).toPlainString() + " " + currency);
            }
        }
        report.note("total debits per currency: " + String.join("; ", totals));
        Files.deleteIfExists(journal);
    }

    private static String debits(Map<String, Map<String, BigDecimal>> balances, String currency) {
        return new PeerBalances.Balances(balances).debits(currency).toPlainString();
    }

    private static int differences(Map<String, Map<String, BigDecimal>> ours, Map<String, Map<String, BigDecimal>> theirs) {
        Set<String> keys = new TreeSet<>();
        ours.forEach((account, byCurrency) -> byCurrency.keySet().forEach(c -> keys.add(account + "/" + c)));
        theirs.forEach((account, byCurrency) -> byCurrency.keySet().forEach(c -> keys.add(account + "/" + c)));
        int differing = 0;
        for (String key : keys) {
            String[] parts = key.split("/");
            BigDecimal a = ours.getOrDefault(parts[0], Map.of()).getOrDefault(parts[1], BigDecimal.ZERO);
            BigDecimal b = theirs.getOrDefault(parts[0], Map.of()).getOrDefault(parts[1], BigDecimal.ZERO);
            differing += a.compareTo(b) == 0 ? 0 : 1;
        }
        return differing;
    }

    static Map<String, Map<String, BigDecimal>> balances(TrialBalance trial) {
        Map<String, Map<String, BigDecimal>> balances = new TreeMap<>();
        for (TrialBalance.Row row : trial.rows()) {
            long amount = row.debit() - row.credit();
            if (amount != 0) {
                balances.computeIfAbsent(row.account(), a -> new TreeMap<>()).put(row.currency(),
                        BigDecimal.valueOf(amount, Currency.getInstance(row.currency()).getDefaultFractionDigits()));
            }
        }
        return balances;
    }

    private static Optional<Path> installed(String tool) throws IOException, InterruptedException {
        Optional<Path> binary = PeerBalances.installed(tool);
        if (binary.isPresent()) {
            return binary;
        }
        System.out.println("Installing Debian's " + tool + " with apt-get…");
        if (apt("install", "-y", "-q", tool) != 0) {
            apt("update", "-q");
            apt("install", "-y", "-q", tool);
        }
        return PeerBalances.installed(tool);
    }

    private static int apt(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("apt-get"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        return process.waitFor(15, TimeUnit.MINUTES) ? process.exitValue() : -1;
    }
}
