-- The search reads support.search_term only by (client_id, term, item_id), its primary key. A second
-- index on (client_id, item_id) tempted the planner to read a client's words by ticket number and
-- filter the terms afterwards; without it the words are found through the key, term in the index
-- condition. Tickets are never deleted, so the foreign key needs no index of its own.
drop index support.search_term_item;
