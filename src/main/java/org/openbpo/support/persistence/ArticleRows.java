package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.Article;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Knowledge-base articles, found by the words in them (PostgreSQL text search, 'simple' dictionary: any language). */
@Repository
public class ArticleRows {

    private static final String COLUMNS = "select id, kind, slug, title, body, category, published, created_at, updated_at, updated_by from support.article";
    private static final RowMapper<Article> ARTICLE = (rs, n) -> new Article(rs.getObject("id", UUID.class),
            Article.Kind.valueOf(rs.getString("kind")), rs.getString("slug"), rs.getString("title"), rs.getString("body"),
            rs.getString("category"), rs.getBoolean("published"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

    private final JdbcClient jdbc;

    ArticleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID clientId, Article a) {
        jdbc.sql("""
                        insert into support.article (client_id, id, kind, slug, title, body, category, published, created_at, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(clientId, a.id(), a.kind().name(), a.slug(), a.title(), a.body(), a.category(), a.published(),
                        ts(a.createdAt()), ts(a.updatedAt()), a.updatedBy()).update();
    }

    public void update(UUID clientId, Article a) {
        jdbc.sql("""
                        update support.article set kind = ?, slug = ?, title = ?, body = ?, category = ?, published = ?, updated_at = ?, updated_by = ?
                         where client_id = ? and id = ?""")
                .params(a.kind().name(), a.slug(), a.title(), a.body(), a.category(), a.published(), ts(a.updatedAt()), a.updatedBy(),
                        clientId, a.id()).update();
    }

    public Optional<Article> find(UUID clientId, UUID id) {
        return jdbc.sql(COLUMNS + " where client_id = ? and id = ?").params(clientId, id).query(ARTICLE).optional();
    }

    public Optional<Article> bySlug(UUID clientId, Article.Kind kind, String slug) {
        return jdbc.sql(COLUMNS + " where client_id = ? and kind = ? and slug = ?").params(clientId, kind.name(), slug).query(ARTICLE).optional();
    }

    public boolean slugTaken(UUID clientId, Article.Kind kind, String slug, UUID except) {
        return jdbc.sql("select exists (select 1 from support.article where client_id = ? and kind = ? and slug = ? and id <> ?)")
                .params(clientId, kind.name(), slug, except).query(Boolean.class).single();
    }

    /** Articles of a kind, optionally only published ones, matching {@code text} (web-search syntax) when given, best first. */
    public List<Article> find(UUID clientId, Article.@Nullable Kind kind, boolean publishedOnly, @Nullable String text, int limit) {
        return jdbc.sql(COLUMNS + " " + """
                         a, (select case when ?::text is null then null else websearch_to_tsquery('simple', ?) end as q) query
                         where a.client_id = ? and (?::text is null or a.kind = ?) and (not ? or a.published)
                           and (query.q is null or to_tsvector('simple', a.title || ' ' || a.body) @@ query.q)
                         order by case when query.q is null then 0 else ts_rank(to_tsvector('simple', a.title || ' ' || a.body), query.q) end desc,
                                  a.title
                         limit ?""")
                .params(text, text, clientId, kind == null ? null : kind.name(), kind == null ? null : kind.name(), publishedOnly, limit)
                .query(ARTICLE).list();
    }

    /** Published procedures for a ticket: those of its category first, then those sharing words with its title. */
    public List<Article> proceduresFor(UUID clientId, @Nullable String category, String anyOfWords, int limit) {
        return jdbc.sql(COLUMNS + " " + """
                         a, (select case when ? = '' then null else to_tsquery('simple', ?) end as q) query
                         where a.client_id = ? and a.kind = 'SOP' and a.published
                           and (a.category = ? or (query.q is not null and to_tsvector('simple', a.title || ' ' || a.body) @@ query.q))
                         order by (a.category is not distinct from ?) desc,
                                  coalesce(ts_rank(to_tsvector('simple', a.title || ' ' || a.body), query.q), 0) desc, a.title
                         limit ?""")
                .params(anyOfWords, anyOfWords, clientId, category, category, limit).query(ARTICLE).list();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
