-- A member whose personal data was erased (at their request, or staff's): the row stays, without name or identities,
-- as an anonymous person, so that everything they took part in is still counted the same (io.firstpin.member.Erasures).
alter table member add column erased_at timestamp with time zone;
