-- Customers answer support's satisfaction survey, and may change their answer: the latest counts in the
-- scorecard's CSAT as it does in support's own figures. The application may change a response's score
-- and time, nothing else of it.
grant update (score, responded_at) on quality.csat_response to openbpo_app;
