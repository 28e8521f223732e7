-- How many track rows each user has (visible, and deleted until purged), kept with every insert and purge so that
-- the per-user cap is one conditional upsert, not a count over the user's rows.
CREATE TABLE user_track_counts (
    user_id varchar(255) PRIMARY KEY,
    tracks  bigint NOT NULL CHECK (tracks >= 0)
);

INSERT INTO user_track_counts (user_id, tracks)
SELECT user_id, count(*) FROM tracks GROUP BY user_id;
