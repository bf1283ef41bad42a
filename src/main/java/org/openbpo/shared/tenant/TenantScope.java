package org.openbpo.shared.tenant;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.concurrent.Callable;

/**
 * Where a transaction learns which clients it may touch: an explicit scope (background jobs,
 * the client switcher, login), otherwise the authenticated caller, otherwise nobody.
 */
public final class TenantScope {

    private static final ThreadLocal<AllowedClients> EXPLICIT = new ThreadLocal<>();

    private TenantScope() {
    }

    /** Implemented by principals that know their clients. */
    public interface Holder {
        AllowedClients allowedClients();
    }

    public static AllowedClients current() {
        AllowedClients explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Holder holder) {
            return holder.allowedClients();
        }
        return AllowedClients.NONE;
    }

    public static <T> T call(AllowedClients clients, Callable<T> work) {
        AllowedClients previous = EXPLICIT.get();
        EXPLICIT.set(clients);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void run(AllowedClients clients, Runnable work) {
        call(clients, () -> {
            work.run();
            return null;
        });
    }
}
