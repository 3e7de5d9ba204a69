-- What a file sent for import holds: initiatives (the template), outcome indicators, or evaluation scores.
alter table import_upload add column what varchar(20) default 'INITIATIVES' not null;
