package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.Customer;
import org.openbpo.support.Customer.Contact;
import org.openbpo.support.Customer.ContactKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A client's customer records, their contacts, and the tickets they are linked to. */
@Repository
public class CustomerRows {

    private record Row(UUID id, @Nullable String name, @Nullable String organisation, @Nullable UUID mergedInto, Instant createdAt) {
    }

    private static final org.springframework.jdbc.core.RowMapper<Row> ROW = (rs, n) -> new Row(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getString("organisation"), rs.getObject("merged_into", UUID.class),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    CustomerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises everyone who identifies a customer by this contact, so two channels cannot create the person twice. */
    public void lockContact(UUID clientId, Contact contact) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(? || '/customer/' || ? || '/' || ?, 0))")
                .params(clientId.toString(), contact.kind().name(), contact.value()).query(Object.class).single();
    }

    /** As {@link #lockContact}, for many contacts in one statement; the caller gives them in one order so two batches cannot deadlock. */
    public void lockContacts(UUID clientId, List<Contact> sorted) {
        if (sorted.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select count(pg_advisory_xact_lock(hashtextextended(? || '/customer/' || k.kind || '/' || k.value, 0)))
                          from unnest(?::text[], ?::text[]) with ordinality as k(kind, value, n)""")
                .params(clientId.toString(), sorted.stream().map(c -> c.kind().name()).toArray(String[]::new),
                        sorted.stream().map(Contact::value).toArray(String[]::new))
                .query(Long.class).single();
    }

    /** One contact to identify a customer by, the record to create under {@code newId} if nobody has it, and what to fill in. */
    public record ContactClaim(Contact contact, UUID newId, @Nullable String name, @Nullable String organisation) {
    }

    /** A ticket to link to whoever owns a contact. */
    public record TicketLink(long itemId, Contact contact, String channel) {
    }

    /** Who owns a claimed contact now, and whether this statement created them. */
    public record Owner(Contact contact, UUID customerId, boolean created) {
    }

    /**
     * In one statement, for contacts already locked: finds each contact's customer, creates a record
     * (and the contact) for those nobody has, fills in a missing name or organisation of those found,
     * and links each ticket to its contact's customer (a ticket keeps its first customer).
     */
    public List<Owner> claimAndLink(UUID clientId, List<ContactClaim> claims, List<TicketLink> links, Instant at) {
        Timestamp now = ts(at);
        return jdbc.sql("""
                        with claim as (
                            -- each contact looked up by its key, whatever the planner guesses of the arrays' length
                            select c.*, (select k.customer_id from support.customer_contact k
                                          where k.client_id = ? and k.kind = c.kind and k.value = c.value) as found_id
                              from unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[]) as c(kind, value, new_id, name, organisation)
                        ), created as (
                            insert into support.customer (client_id, id, name, organisation, created_at, updated_at)
                            select ?, c.new_id, c.name, c.organisation, ?, ? from claim c where c.found_id is null
                        ), contacts as (
                            insert into support.customer_contact (client_id, kind, value, customer_id, added_at)
                            select ?, c.kind, c.value, c.new_id, ? from claim c where c.found_id is null
                        ), completed as (
                            update support.customer s set name = coalesce(s.name, c.name),
                                   organisation = coalesce(s.organisation, c.organisation), updated_at = ?
                              from claim c
                             where c.found_id is not null and s.client_id = ? and s.id = c.found_id
                               -- the records read by key, however few rows the planner believes the table holds
                               and s.id = any (array(select f.found_id from claim f where f.found_id is not null))
                               and (s.name is null and c.name is not null or s.organisation is null and c.organisation is not null)
                        ), linked as (
                            insert into support.ticket_customer (client_id, item_id, customer_id, channel, linked_at)
                            select ?, l.item_id, coalesce(c.found_id, c.new_id), l.channel, ?
                              from unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) as l(item_id, kind, value, channel)
                              join claim c on c.kind = l.kind and c.value = l.value
                            on conflict (client_id, item_id) do nothing
                        )
                        select c.kind, c.value, coalesce(c.found_id, c.new_id), c.found_id is null from claim c""")
                .params(clientId, claims.stream().map(c -> c.contact().kind().name()).toArray(String[]::new),
                        claims.stream().map(c -> c.contact().value()).toArray(String[]::new),
                        claims.stream().map(ContactClaim::newId).toArray(UUID[]::new),
                        claims.stream().map(ContactClaim::name).toArray(String[]::new),
                        claims.stream().map(ContactClaim::organisation).toArray(String[]::new),
                        clientId, now, now, clientId, now, now, clientId, clientId, now,
                        links.stream().mapToLong(TicketLink::itemId).boxed().toArray(Long[]::new),
                        links.stream().map(l -> l.contact().kind().name()).toArray(String[]::new),
                        links.stream().map(l -> l.contact().value()).toArray(String[]::new),
                        links.stream().map(TicketLink::channel).toArray(String[]::new))
                .query((rs, n) -> new Owner(new Contact(ContactKind.valueOf(rs.getString(1)), rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getBoolean(4)))
                .list();
    }

    public Optional<UUID> ownerOf(UUID clientId, Contact contact) {
        return jdbc.sql("select customer_id from support.customer_contact where client_id = ? and kind = ? and value = ?")
                .params(clientId, contact.kind().name(), contact.value()).query(UUID.class).optional();
    }

    public void insert(UUID clientId, UUID id, @Nullable String name, @Nullable String organisation, Instant at) {
        jdbc.sql("insert into support.customer (client_id, id, name, organisation, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(clientId, id, name, organisation, ts(at), ts(at)).update();
    }

    public void addContact(UUID clientId, UUID customerId, Contact contact, Instant at) {
        jdbc.sql("""
                        insert into support.customer_contact (client_id, kind, value, customer_id, added_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(clientId, contact.kind().name(), contact.value(), customerId, ts(at)).update();
    }

    /** Fills in what the record does not know yet; never overwrites what it does. */
    public void complete(UUID clientId, UUID id, @Nullable String name, @Nullable String organisation, Instant at) {
        jdbc.sql("""
                        update support.customer set name = coalesce(name, ?), organisation = coalesce(organisation, ?), updated_at = ?
                         where client_id = ? and id = ? and (name is null and ?::text is not null or organisation is null and ?::text is not null)""")
                .params(name, organisation, ts(at), clientId, id, name, organisation).update();
    }

    public Optional<Customer> find(UUID clientId, UUID id) {
        return jdbc.sql("select id, name, organisation, merged_into, created_at from support.customer where client_id = ? and id = ?")
                .params(clientId, id).query(ROW).optional().map(row -> customer(clientId, row));
    }

    /** Locks the records in id order, so two merges of the same pair cannot deadlock. */
    public List<UUID> lock(UUID clientId, UUID a, UUID b) {
        return jdbc.sql("select id from support.customer where client_id = ? and id in (?, ?) order by id for update")
                .params(clientId, a, b).query(UUID.class).list();
    }

    /** Moves everything of {@code merged} to {@code survivor}, and leaves {@code merged} pointing at it. */
    public void merge(UUID clientId, UUID survivor, UUID merged, Instant at) {
        jdbc.sql("update support.customer_contact set customer_id = ? where client_id = ? and customer_id = ?")
                .params(survivor, clientId, merged).update();
        jdbc.sql("update support.ticket_customer set customer_id = ? where client_id = ? and customer_id = ?")
                .params(survivor, clientId, merged).update();
        jdbc.sql("update support.customer set merged_into = ?, updated_at = ? where client_id = ? and (id = ? or merged_into = ?)")
                .params(survivor, ts(at), clientId, merged, merged).update();
        jdbc.sql("""
                        update support.customer s set name = coalesce(s.name, m.name), organisation = coalesce(s.organisation, m.organisation),
                               updated_at = ?
                          from support.customer m where s.client_id = ? and s.id = ? and m.client_id = ? and m.id = ?""")
                .params(ts(at), clientId, survivor, clientId, merged).update();
    }

    /** Current records (not merged away), newest first, below {@code before}; {@code text} matches name, organisation or a contact. */
    public List<Customer> page(UUID clientId, @Nullable String text, UUID before, int limit) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select c.id, c.name, c.organisation, c.merged_into, c.created_at from support.customer c
                         where c.client_id = ? and c.merged_into is null and c.id < ?
                           and (?::text is null or lower(coalesce(c.name, '')) like ? or lower(coalesce(c.organisation, '')) like ?
                                or exists (select 1 from support.customer_contact k
                                            where k.client_id = c.client_id and k.customer_id = c.id and k.value like ?))
                         order by c.id desc limit ?""")
                .params(clientId, before, like, like, like, like, limit).query(ROW).list()
                .stream().map(row -> customer(clientId, row)).toList();
    }

    public void link(UUID clientId, long itemId, UUID customerId, String channel, Instant at) {
        jdbc.sql("""
                        insert into support.ticket_customer (client_id, item_id, customer_id, channel, linked_at) values (?, ?, ?, ?, ?)
                        on conflict (client_id, item_id) do nothing""")
                .params(clientId, itemId, customerId, channel, ts(at)).update();
    }

    public Optional<UUID> customerOf(UUID clientId, long itemId) {
        return jdbc.sql("select customer_id from support.ticket_customer where client_id = ? and item_id = ?")
                .params(clientId, itemId).query(UUID.class).optional();
    }

    public List<Long> ticketsOf(UUID clientId, UUID customerId, int limit) {
        return jdbc.sql("select item_id from support.ticket_customer where client_id = ? and customer_id = ? order by item_id desc limit ?")
                .params(clientId, customerId, limit).query(Long.class).list();
    }

    private Customer customer(UUID clientId, Row row) {
        List<Contact> contacts = jdbc.sql("""
                        select kind, value from support.customer_contact where client_id = ? and customer_id = ? order by kind, added_at, value""")
                .params(clientId, row.id())
                .query((rs, n) -> new Contact(ContactKind.valueOf(rs.getString("kind")), rs.getString("value"))).list();
        return new Customer(row.id(), row.name(), row.organisation(), contacts, row.mergedInto(), row.createdAt());
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
