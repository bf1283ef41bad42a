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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "audit", description = "Work with the audit trail.")
class AuditCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "verify: seal pending records, then check every client's hash chain.")
    String action;

    @Option(names = "--data", defaultValue = "data", description = "Folder of the embedded database (default ${DEFAULT-VALUE}).")
    Path data;

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
                } else {
                    broken++;
                    System.out.printf("%-38s BROKEN   first broken link: %s (%s); %,d records before it hold%n",
                            chain, result.brokenAt(), result.reason(), result.checked());
                }
            }
            System.out.printf("%d chains checked, %d broken, %d not sealed%n", results.size(), broken, sealing.failed().size());
            return broken == 0 && sealing.failed().isEmpty() ? 0 : 1;
        }
    }

    private static String chainName(java.util.UUID client) {
        return client.equals(AuditTrail.PROVIDER) ? "provider" : client.toString();
    }
}
