package org.openbpo.ledger.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs ledger-cli or hledger on an exported journal and reads back every account's balance per
 * commodity, keyed by account code (the first word of the account name's last segment).
 */
public final class PeerBalances {

    /** Balances by account code, then by currency, in major units as the tools print them. */
    public record Balances(Map<String, Map<String, BigDecimal>> byAccount) {

        public BigDecimal debits(String currency) {
            return byAccount.values().stream().map(b -> b.getOrDefault(currency, BigDecimal.ZERO))
                    .filter(amount -> amount.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private PeerBalances() {
    }

    public static Optional<Path> installed(String tool) {
        for (String folder : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
            Path path = Path.of(folder, tool);
            if (Files.isExecutable(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    public static Balances hledger(Path binary, Path journal) throws IOException, InterruptedException {
        Balances balances = new Balances(new TreeMap<>());
        for (String row : run(List.of(binary.toString(), "-f", journal.toString(), "balance", "--flat", "--no-total",
                "-O", "csv", "--layout=bare"))) {
            List<String> cells = csv(row);
            if (cells.size() == 3 && !cells.get(0).equals("account")) {
                add(balances, cells.get(0), cells.get(1), cells.get(2));
            }
        }
        return balances;
    }

    public static Balances ledger(Path binary, Path journal) throws IOException, InterruptedException {
        Balances balances = new Balances(new TreeMap<>());
        String account = null;
        for (String row : run(List.of(binary.toString(), "-f", journal.toString(), "balance", "--flat", "--no-total",
                "--balance-format", "%(account)\\t%(scrub(display_total))\\n"))) {
            if (row.isBlank()) {
                continue;
            }
            String amount = row;
            int tab = row.indexOf('\t');
            if (tab >= 0) {
                account = row.substring(0, tab);
                amount = row.substring(tab + 1);
            }
            String[] parts = amount.strip().split("\\s+");
            if (account != null && parts.length == 2) {
                add(balances, account, parts[1], parts[0]);
            }
        }
        return balances;
    }

    private static void add(Balances balances, String account, String currency, String amount) {
        String[] segments = account.split(":");
        String code = segments[segments.length - 1].strip().split(" ", 2)[0];
        balances.byAccount().computeIfAbsent(code, c -> new TreeMap<>())
                .merge(currency, new BigDecimal(amount.replace(",", "")), BigDecimal::add);
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader()) {
            reader.lines().forEach(lines::add);
        }
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + String.join("\n", lines));
        }
        return lines;
    }

    private static List<String> csv(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
