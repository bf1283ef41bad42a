package org.openbpo.work.persistence;

import org.openbpo.work.WorkItemComments.Attachment;
import org.openbpo.work.WorkItemComments.Comment;
import org.openbpo.work.WorkItemComments.Visibility;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Comments and attachments of work items: what people said and sent about the work. */
@Repository
public class CommentRows {

    private static final RowMapper<Comment> COMMENT = (rs, n) -> new Comment(rs.getObject("id", UUID.class),
            rs.getLong("item_id"), rs.getString("author"), rs.getString("body"), Visibility.valueOf(rs.getString("visibility")),
            rs.getTimestamp("created_at").toInstant());
    private static final RowMapper<Attachment> ATTACHMENT = (rs, n) -> new Attachment(rs.getObject("id", UUID.class),
            rs.getLong("item_id"), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));

    private final JdbcClient jdbc;

    CommentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID clientId, Comment c) {
        jdbc.sql("""
                        insert into work.comment (client_id, item_id, id, author, body, visibility, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(clientId, c.itemId(), c.id(), c.author(), c.body(), c.visibility().name(), Timestamp.from(c.createdAt()))
                .update();
    }

    /** Records the item's first response unless it has one; says whether this was it. */
    public boolean firstResponse(UUID clientId, long itemId, java.time.Instant at) {
        return jdbc.sql("update work.work_item set first_responded_at = ? where client_id = ? and id = ? and first_responded_at is null")
                .params(Timestamp.from(at), clientId, itemId).update() == 1;
    }

    public List<Comment> of(UUID clientId, long itemId) {
        return jdbc.sql("select * from work.comment where client_id = ? and item_id = ? order by created_at, id")
                .params(clientId, itemId).query(COMMENT).list();
    }

    public void insert(UUID clientId, Attachment a, byte[] content) {
        jdbc.sql("""
                        insert into work.attachment (client_id, item_id, id, filename, content_type, size_bytes, content,
                            created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(clientId, a.itemId(), a.id(), a.filename(), a.contentType(), a.sizeBytes(), content,
                        Timestamp.from(a.createdAt()), a.createdBy())
                .update();
    }

    public List<Attachment> attachmentsOf(UUID clientId, long itemId) {
        return jdbc.sql("""
                        select client_id, item_id, id, filename, content_type, size_bytes, created_at, created_by
                          from work.attachment where client_id = ? and item_id = ? order by created_at, id""")
                .params(clientId, itemId).query(ATTACHMENT).list();
    }

    public Optional<byte[]> content(UUID clientId, long itemId, UUID attachmentId) {
        return jdbc.sql("select content from work.attachment where client_id = ? and item_id = ? and id = ?")
                .params(clientId, itemId, attachmentId).query(byte[].class).optional();
    }
}
