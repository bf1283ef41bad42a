package org.openbpo.cli;

import org.openbpo.audit.AuditTrail;
import org.openbpo.audit.ChainVerification;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
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
            List<ChainVerification> results = TenantScope.call(AllowedClients.ALL, () -> {
                trail.sealAll();
                return trail.verifyAll();
            });
            long broken = 0;
            for (ChainVerification result : results) {
                String chain = result.clientId().equals(AuditTrail.PROVIDER) ? "provider" : result.clientId().toString();
                if (result.intact()) {
                    System.out.printf("%-38s intact   %,d records, %,d blocks%n", chain, result.checked(), result.blocks());
                } else {
                    broken++;
                    System.out.printf("%-38s BROKEN   first broken link: %s (%s); %,d records before it hold%n",
                            chain, result.brokenAt(), result.reason(), result.checked());
                }
            }
            System.out.printf("%d chains checked, %d broken%n", results.size(), broken);
            return broken == 0 ? 0 : 1;
        }
    }
}
