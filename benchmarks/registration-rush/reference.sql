-- The same registration transaction as the application runs, written by hand: find-or-create the member by email,
-- lock the frame, read its seats and waitlist in one statement, insert the registration and the email (as template and
-- model: the application renders it after the commit).
\set n random(1, 1000000000000)
BEGIN;
SELECT id FROM member_identity WHERE organization_id = :org AND kind = 'EMAIL' AND normalized_value = 'ref' || :n || '@example.com';
INSERT INTO member (organization_id, display_name, staff, created_at) VALUES (:org, 'ref ' || :n, false, now()) RETURNING id AS member_id \gset
INSERT INTO member_identity (organization_id, member_id, kind, identity_value, normalized_value)
  VALUES (:org, :member_id, 'EMAIL', 'ref' || :n || '@example.com', 'ref' || :n || '@example.com');
SELECT id FROM frame WHERE id = :frame FOR UPDATE;
SELECT id FROM registration WHERE event_id = :event AND member_id = :member_id;
SELECT count(*) FILTER (WHERE status = 'CONFIRMED') AS confirmed,
    coalesce(max(waitlist_position) FILTER (WHERE status = 'WAITLISTED'), 0) + 1 AS queue
  FROM registration WHERE frame_id = :frame AND status IN ('CONFIRMED', 'WAITLISTED') \gset
INSERT INTO registration (organization_id, event_id, frame_id, member_id, name, email, status, waitlist_position,
    manage_token_hash, registered_at, locale)
  VALUES (:org, :event, :frame, :member_id, 'ref', 'ref' || :n || '@example.com',
    CASE WHEN :confirmed < :capacity THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
    CASE WHEN :confirmed < :capacity THEN NULL ELSE :queue END, md5(:n::text), now(), 'ja') RETURNING id AS registration_id \gset
INSERT INTO notification_outbox (organization_id, recipient, locale, template, model, dedup_key, status, attempts,
    next_attempt_at, created_at, message_id)
  VALUES (:org, 'ref' || :n || '@example.com', 'ja', 'registration/confirmed', '{"recipientName":"ref"}',
    'ref:' || :registration_id, 'PENDING', 0, now(), now(), '<ref' || :n || '@firstpin>');
COMMIT;
