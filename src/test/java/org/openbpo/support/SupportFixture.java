package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkFixture;
import org.springframework.context.ApplicationContext;

import java.util.Locale;
import java.util.UUID;

/** A client under contract with its email channel set up: the help desk the support tests write to. */
final class SupportFixture {

    record Desk(WorkFixture.Setup setup, String address) {
        UUID clientId() {
            return setup.client().id();
        }
    }

    private SupportFixture() {
    }

    static Desk desk(ApplicationContext context, CurrentUser admin, String code, @Nullable ServerAccess imap,
                     @Nullable ServerAccess smtp) {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(admin, code);
        String address = "help@" + code.toLowerCase(Locale.ROOT) + ".test";
        TenantScope.run(AllowedClients.ALL, () -> context.getBean(SupportChannels.class).configure(setup.client().id(),
                new ConfigureChannel("support", address, imap, smtp, address, "Albion Mutual Support",
                        "Albion Mutual — here for you", "#1a5fb4", true), admin));
        return new Desk(setup, address);
    }
}
