-- The copy of an issued document signed digitally (ký số) outside DVK and uploaded back, kept byte for
-- byte with the check of its signatures made on upload. signature_status: UNSIGNED, VALID, ALTERED,
-- INVALID, UNREADABLE; null while no signed copy was uploaded. signatures: the signatures checked, as
-- JSON (the items of vn.dvk.shared.office.SignatureReport).
alter table issued_document add column signed_pdf bytea;
alter table issued_document add column signed_file_name varchar(255);
alter table issued_document add column signature_status varchar(20);
alter table issued_document add column signature_checked_at timestamp with time zone;
alter table issued_document add column signed_uploaded_by varchar(60);
alter table issued_document add column signatures varchar(20000);
