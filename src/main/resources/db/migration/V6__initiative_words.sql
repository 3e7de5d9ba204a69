-- The words of each initiative's search key (name, code, description, locality, without diacritics),
-- so a typed word that is rare finds its few initiatives through this index instead of a scan.
create table initiative_word (
    word          varchar(40) ${c_collate} not null,
    initiative_id bigint      not null references initiative (id) on delete cascade,
    primary key (word, initiative_id)
);
create index ix_initiative_word_initiative on initiative_word (initiative_id);
