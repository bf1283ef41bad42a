-- Full-text search over a client's work: the words of an item's title and description, and of its
-- comments. 'simple' rather than a language: clients and their customers write in many languages.
create index work_item_text on work.work_item
    using gin (to_tsvector('simple', title || ' ' || coalesce(form ->> 'description', '')));
create index comment_text on work.comment using gin (to_tsvector('simple', body));
