-- Nobody acts as someone else by typing their email. A public registration belongs to a provisional member of its own
-- (provisional = true), who holds no identity and keeps the email they typed only as a claim (claimed_email,
-- normalised); the email's owner proves it by the emailed link (or by signing in with a one-time code), and only then
-- does the provisional member become the member with that email or merge into them (io.firstpin.member.EmailProofs).
alter table member add column provisional boolean default false not null;
alter table member add column claimed_email varchar(320);
create index member_claimed_email_idx on member (organization_id, claimed_email);

-- One registration per email and event: email_key is the normalised email of the registration that holds the email's
-- place at the event. A new registration with the same email takes the place of a cancelled or lost one (whose key is
-- cleared first) and is refused while the holder is active. Imported past registrations have none.
alter table registration add column email_key varchar(320);
update registration set email_key = lower(trim(email))
    where email is not null and status in ('CONFIRMED', 'WAITLISTED', 'APPLIED');
create unique index registration_email_key_idx on registration (event_id, email_key);

-- The private link of the confirmation email, apart from the one the registering caller gets in the answer: only a
-- link that went to the mailbox proves the email.
alter table registration add column proof_token_hash varchar(64);
create unique index registration_proof_token_idx on registration (proof_token_hash);
