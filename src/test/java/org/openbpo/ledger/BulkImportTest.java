package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.ledger.domain.Posting;
import org.openbpo.ledger.domain.PostingLine;
import org.openbpo.ledger.persistence.BulkPostings;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk path writes a file in slices; these tests cut a few entries into slices of three so
 * that every rule is crossed at a slice boundary: a repeated import is a no-op, a key repeated in
 * a later slice or an entry in a closed month refuses the whole import, and what posts moves the
 * running balances exactly.
 */
class BulkImportTest extends IntegrationTest {

    private static final Instant AT = Instant.parse("2026-04-01T00:00:00Z");

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;
    @Autowired
    Periods periods;
    @Autowired
    BulkPostings bulk;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    UUID client;

    @BeforeEach
    void openBooks() {
        client = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "US_GAAP", "USD")
                .client().id();
    }

    private static Posting sale(String key, LocalDate day, long cents) {
        return new Posting(day, "Sale " + key, EntrySource.IMPORT, key, false, null,
                List.of(new PostingLine("1010", "USD", cents, cents, null, null, "cash\tin"),
                        new PostingLine("4100", "USD", -cents, -cents, null, null, null)));
    }

    private static List<Posting> sales(int count) {
        List<Posting> postings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            postings.add(sale("bulk-test-" + i, LocalDate.of(2026, 3, i), 100L * i));
        }
        return postings;
    }

    private BulkPostings.Outcome post(List<Posting> postings) {
        return TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                bulk.post(client, postings.iterator(), AT, "test", 3)));
    }

    private long sql(String query) {
        return TenantScope.call(AllowedClients.only(client), () -> transactions.execute(tx ->
                jdbc.sql(query).param(client).query(Long.class).single()));
    }

    @Test
    void entriesInSeveralSlicesPostWithTheirLinesAndRunningBalances() {
        BulkPostings.Outcome outcome = post(sales(7));

        assertThat(outcome.posted()).isEqualTo(7);
        assertThat(outcome.alreadyPresent()).isZero();
        assertThat(sql("select count(*) from ledger.entry where client_id = ?")).isEqualTo(7);
        assertThat(sql("select count(*) from ledger.line where client_id = ?")).isEqualTo(14);
        // 100 + 200 + … + 700 cents
        assertThat(sql("select sum(amount) from ledger.balance where client_id = ? and account_code = '1010'")).isEqualTo(2800);
        assertThat(sql("select sum(amount) from ledger.balance where client_id = ? and account_code = '4100'")).isEqualTo(-2800);
        assertThat(sql("select count(*) from ledger.line where client_id = ? and memo = 'cash' || chr(9) || 'in'")).isEqualTo(7);
    }

    @Test
    void theSameFileImportedAgainPostsNothingAndOnlyTheNewEntriesOfALongerOne() {
        post(sales(5));

        BulkPostings.Outcome again = post(sales(5));
        assertThat(again.posted()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(5);

        BulkPostings.Outcome longer = post(sales(8));
        assertThat(longer.posted()).isEqualTo(3);
        assertThat(longer.alreadyPresent()).isEqualTo(5);
        assertThat(sql("select count(*) from ledger.entry where client_id = ?")).isEqualTo(8);
        assertThat(sql("select sum(amount) from ledger.balance where client_id = ? and account_code = '1010'")).isEqualTo(3600);
    }

    @Test
    void aKeyRepeatedInALaterSliceRefusesTheWholeImport() {
        List<Posting> postings = new ArrayList<>(sales(4));
        postings.add(sale("bulk-test-2", LocalDate.of(2026, 3, 20), 999));

        assertThatThrownBy(() -> post(postings)).isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> {
            assertThat(refused.code()).isEqualTo("duplicate-key");
            assertThat(refused.getMessage()).contains("bulk-test-2");
        });
        assertThat(sql("select count(*) from ledger.entry where client_id = ?")).isZero();
        assertThat(sql("select count(*) from ledger.balance where client_id = ?")).isZero();
    }

    @Test
    void anEntryInAClosedMonthOrOffBalanceRefusesTheWholeImport() {
        TenantScope.run(AllowedClients.ALL, () -> periods.change(client, YearMonth.of(2026, 2), PeriodStatus.CLOSED));
        List<Posting> closed = new ArrayList<>(sales(4));
        closed.add(sale("bulk-test-feb", LocalDate.of(2026, 2, 27), 500));
        assertThatThrownBy(() -> post(closed)).isInstanceOfSatisfying(BusinessRuleViolation.class, refused -> {
            assertThat(refused.code()).isEqualTo("period-closed");
            assertThat(refused.getMessage()).contains("2026-02-01 is CLOSED");
        });

        List<Posting> unbalanced = new ArrayList<>(sales(4));
        unbalanced.add(new Posting(LocalDate.of(2026, 3, 9), "Off", EntrySource.IMPORT, "bulk-test-off", false, null,
                List.of(new PostingLine("1010", "USD", 100, 100, null, null, null),
                        new PostingLine("4100", "USD", -99, -99, null, null, null))));
        assertThatThrownBy(() -> post(unbalanced)).isInstanceOfSatisfying(BusinessRuleViolation.class, refused ->
                assertThat(refused.code()).isEqualTo("unbalanced"));

        List<Posting> unknown = new ArrayList<>(sales(4));
        unknown.add(new Posting(LocalDate.of(2026, 3, 9), "Nowhere", EntrySource.IMPORT, "bulk-test-nowhere", false, null,
                List.of(new PostingLine("1010", "USD", 100, 100, null, null, null),
                        new PostingLine("9999", "USD", -100, -100, null, null, null))));
        assertThatThrownBy(() -> post(unknown)).isInstanceOfSatisfying(BusinessRuleViolation.class, refused ->
                assertThat(refused.code()).isEqualTo("unknown-account"));

        assertThat(sql("select count(*) from ledger.entry where client_id = ?")).isZero();
    }
}
