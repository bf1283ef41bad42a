package org.openbpo.cli;

import org.openbpo.audit.AuditTrail;
import org.openbpo.audit.ChainVerification;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "audit", description = "Work with the audit trail.")
class AuditCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "verify: seal pending records, then check every client's hash chain.")
    String action;

    @Option(names = "--data", defaultValue = "data", description = "Folder of the embedded database (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--expect-head", paramLabel = "CLIENT=HASH", description = "A chain head noted from an earlier run "
            + "(client id, or 'provider', and the head hash it printed); the chain must still run through it, else it was "
            + "cut back or rewritten. May be repeated.")
    Map<String, String> expectedHeads = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (!"verify".equals(action)) {
            System.err.println("Unknown audit action '" + action + "'; try: ./openbpo audit verify");
            return 2;
        }
        try (Platform platform = Platform.start(data, Map.of("spring.main.web-application-type", "none",
                "logging.level.root", "WARN", "openbpo.audit.seal-interval", "3600000"))) {
            AuditTrail trail = platform.context().getBean(AuditTrail.class);
            AuditTrail.Sealing sealing = TenantScope.call(AllowedClients.ALL, trail::sealEveryClient);
            sealing.failed().forEach((client, why) -> System.out.printf("%-38s NOT SEALED   %s%n", chainName(client), why));
            List<ChainVerification> results;
            try {
                results = TenantScope.call(AllowedClients.ALL, trail::verifyAll);
            } catch (RuntimeException e) {
                System.out.println("The chains could not be verified: " + (e instanceof DataAccessException d
                        ? d.getMostSpecificCause().getMessage() : e.getMessage()));
                return 1;
            }
            long broken = 0;
            for (ChainVerification result : results) {
                String chain = chainName(result.clientId());
                if (result.intact()) {
                    System.out.printf("%-38s intact   %,d records, %,d blocks%n", chain, result.checked(), result.blocks());
                    // The head to note down: a later run given it with --expect-head tells a chain cut back or rebuilt.
                    System.out.printf("%-38s   head   record %d, block %d, sha256 %s%n", "", result.lastRecord(), result.blocks(),
                            result.headHash());
                } else {
                    broken++;
                    System.out.printf("%-38s BROKEN   first broken link: %s (%s); %,d records before it hold%n",
                            chain, result.brokenAt(), result.reason(), result.checked());
                }
            }
            long missing = 0;
            for (Map.Entry<String, String> expected : expectedHeads.entrySet()) {
                ChainVerification result = results.stream().filter(r -> chainName(r.clientId()).equalsIgnoreCase(expected.getKey()))
                        .findFirst().orElse(null);
                String hash = expected.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                boolean held = result != null && result.intact() && hash.matches("[0-9a-f]{64}")
                        && TenantScope.call(AllowedClients.ALL, () -> trail.holdsLink(result.clientId(), hash));
                if (held) {
                    System.out.printf("%-38s noted head %s… still in the chain%n", expected.getKey(), hash.substring(0, 16));
                } else {
                    missing++;
                    System.out.printf("%-38s NOTED HEAD %s NOT IN THE CHAIN: %s%n", expected.getKey(), hash,
                            result == null ? "no chain for this client"
                                    : !result.intact() ? "the chain is broken"
                                    : !hash.matches("[0-9a-f]{64}") ? "not a sha256 hash in hex"
                                    : "the chain was cut back or rewritten since it was noted");
                }
            }
            System.out.printf("%d chains checked, %d broken, %d not sealed%s%n", results.size(), broken, sealing.failed().size(),
                    expectedHeads.isEmpty() ? "" : ", " + missing + " noted heads missing");
            return broken == 0 && missing == 0 && sealing.failed().isEmpty() ? 0 : 1;
        }
    }

    private static String chainName(java.util.UUID client) {
        return client.equals(AuditTrail.PROVIDER) ? "provider" : client.toString();
    }
}
