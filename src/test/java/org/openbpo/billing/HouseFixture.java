package org.openbpo.billing;

import org.openbpo.ledger.ExchangeRate;
import org.openbpo.ledger.ExchangeRates;
import org.openbpo.ledger.HouseBook;
import org.openbpo.ledger.Books;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The provider's own books for tests. The house is designated once per database, so the tests of a
 * run share it (the demo may have designated it first); GBP invoices of the test clients convert at
 * a quoted rate when the house keeps its books in another currency.
 */
final class HouseFixture {

    private HouseFixture() {
    }

    static UUID house(ApplicationContext context, CurrentUser admin) {
        HouseBook house = context.getBean(HouseBook.class);
        return TenantScope.call(AllowedClients.ALL, () -> {
            UUID id = house.house().orElseGet(() -> {
                var entity = context.getBean(Clients.class).register(new RegisterClient("HOUSE-" + UUID.randomUUID().toString()
                        .substring(0, 8).toUpperCase(), "Test provider (house)", "Test Provider Ltd", "GB", "Europe/London", "GBP",
                        ClientStatus.ACTIVE));
                house.designate(entity.id(), "US_GAAP", "GBP", admin);
                return entity.id();
            });
            String functional = context.getBean(Books.class).book(id).functionalCurrency().getCurrencyCode();
            if (!functional.equals("GBP")) {
                try {
                    context.getBean(ExchangeRates.class).quote(id, new ExchangeRate("GBP", functional, LocalDate.of(2026, 1, 1),
                            new BigDecimal("1.25")));
                } catch (RuntimeException quotedBefore) {
                    // another test quoted it already
                }
            }
            return id;
        });
    }
}
