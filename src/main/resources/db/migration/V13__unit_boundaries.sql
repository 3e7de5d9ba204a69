-- Boundaries of units for the map, imported by users from their own GeoJSON (one geometry per unit).
create table unit_boundary (
    unit_id     bigint  not null primary key references admin_unit (id),
    geometry    text    not null,
    imported_at timestamp with time zone not null
);
