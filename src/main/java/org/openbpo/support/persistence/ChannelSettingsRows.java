package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.MailSecurity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

@Repository
public class ChannelSettingsRows {

    private final JdbcClient jdbc;

    ChannelSettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredChannel> find(UUID clientId) {
        return jdbc.sql("select * from support.channel_settings where client_id = ?").param(clientId)
                .query(ChannelSettingsRows::channel).optional();
    }

    /** Whether another client already receives mail at this address. */
    public boolean addressTakenByAnother(UUID clientId, String address) {
        return jdbc.sql("select exists (select from support.channel_settings where lower(inbound_address) = lower(?) and client_id <> ?)")
                .params(address, clientId).query(Boolean.class).single();
    }

    public void save(StoredChannel c) {
        StoredChannel.Server imap = c.imap();
        StoredChannel.Server smtp = c.smtp();
        jdbc.sql("""
                        insert into support.channel_settings (client_id, service_line, inbound_address,
                            imap_host, imap_port, imap_security, imap_username, imap_password,
                            smtp_host, smtp_port, smtp_security, smtp_username, smtp_password,
                            from_address, display_name, signature, brand_colour, web_form, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (client_id) do update set service_line = excluded.service_line,
                            inbound_address = excluded.inbound_address, imap_host = excluded.imap_host,
                            imap_port = excluded.imap_port, imap_security = excluded.imap_security,
                            imap_username = excluded.imap_username, imap_password = excluded.imap_password,
                            smtp_host = excluded.smtp_host, smtp_port = excluded.smtp_port,
                            smtp_security = excluded.smtp_security, smtp_username = excluded.smtp_username,
                            smtp_password = excluded.smtp_password, from_address = excluded.from_address,
                            display_name = excluded.display_name, signature = excluded.signature,
                            brand_colour = excluded.brand_colour, web_form = excluded.web_form,
                            updated_at = excluded.updated_at""")
                .params(c.clientId(), c.serviceLine(), c.inboundAddress(),
                        imap == null ? null : imap.host(), imap == null ? null : imap.port(),
                        imap == null ? null : imap.security().name(), imap == null ? null : imap.username(),
                        imap == null ? null : imap.sealedPassword(),
                        smtp == null ? null : smtp.host(), smtp == null ? null : smtp.port(),
                        smtp == null ? null : smtp.security().name(), smtp == null ? null : smtp.username(),
                        smtp == null ? null : smtp.sealedPassword(),
                        c.fromAddress(), c.displayName(), c.signature(), c.brandColour(), c.webForm(),
                        Timestamp.from(c.createdAt()), Timestamp.from(c.updatedAt()))
                .update();
    }

    private static StoredChannel channel(ResultSet rs, int n) throws SQLException {
        return new StoredChannel(rs.getObject("client_id", UUID.class), rs.getString("service_line"),
                rs.getString("inbound_address"), server(rs, "imap"), server(rs, "smtp"), rs.getString("from_address"),
                rs.getString("display_name"), rs.getString("signature"), rs.getString("brand_colour"),
                rs.getBoolean("web_form"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static StoredChannel.@Nullable Server server(ResultSet rs, String prefix) throws SQLException {
        String host = rs.getString(prefix + "_host");
        if (host == null) {
            return null;
        }
        return new StoredChannel.Server(host, rs.getInt(prefix + "_port"), MailSecurity.valueOf(rs.getString(prefix + "_security")),
                rs.getString(prefix + "_username"), rs.getBytes(prefix + "_password"));
    }
}
