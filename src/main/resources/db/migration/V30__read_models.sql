-- Read models: what one module's SQL may read of another module's data. Each view belongs to the module
-- that owns (writes) the tables under it and says what they mean; readers name only the view, so the owner
-- may change its tables as long as the view keeps its columns. The "-- read model" line above each view is
-- read by TableOwnershipTests, which fails when a module's SQL names another module's table or a view not
-- declared for it. The views are plain projections and joins, which H2 and PostgreSQL plan as if the query
-- named the tables; none aggregates, so a report's filters reach the indexes of the tables below.

-- read model unit_tree, owned by adminunit, read by initiative, organisation, planning, portal, report
-- Every version of every unit with its place in the tree: "a unit and everything under it" is
-- id = :id or path like :prefix or placed_path like :prefix (vn.dvk.shared.security.DataScope.subtree).
create view unit_tree as
select id, code, name, full_name, level, parent_id, path, placed_path, valid_from, valid_to, sort_key
from admin_unit;

-- read model registration_fact, owned by initiative, read by planning, portal, report
-- Each initiative-year as registered (or recognised) with its classification; "recognised" is a year
-- recognised, proposed for or granted a commendation (WorkflowState.locked()).
create view registration_fact as
select id, initiative_id, reg_year, province_id, unit_id, organisation_id, sector, status, kind, holder, featured,
       ethnic_minority, religious,
       workflow_state in ('RECOGNISED', 'PROPOSED', 'COMMENDED') as recognised
from registration;

-- read model registration_count, owned by initiative, read by report
-- The counts of registration_tally (kept in each write's transaction, V14), "recognised" as in
-- registration_fact; the report adds them up by province and year through the table's primary key.
create view registration_count as
select province_id, reg_year, unit_id, sector, status, kind, holder, featured,
       workflow_state in ('RECOGNISED', 'PROPOSED', 'COMMENDED') as recognised, n
from registration_tally;

-- read model initiative_fact, owned by initiative, read by planning, portal, report
-- Where an initiative lies and what names it, for the figures, lists and conference papers of other modules.
create view initiative_fact as
select id, code, name, unit_id, province_id, organisation_id, sort_key
from initiative;

-- read model public_initiative, owned by initiative, read by portal
-- The columns of an initiative that the public portal may show, with its sector's names: never the
-- responsible officer, the organisation or what the workflow decided.
create view public_initiative as
select i.id, i.name, i.kind, i.holder, i.sector, s.name_vi as sector_name_vi, s.name_en as sector_name_en,
       i.unit_id, i.province_id, i.featured, i.start_year, i.description, i.method, i.results, i.replicated_from_id,
       i.search_key, i.sort_key
from initiative i join sector s on s.code = i.sector;

-- read model initiative_image, owned by initiative, read by portal
-- The photos among an initiative's attachments (documents stay with the registry).
create view initiative_image as
select id, initiative_id, caption
from attachment
where kind = 'IMAGE';

-- read model commendation_fact, owned by workflow, read by report
-- Each initiative listed in a commendation proposal: the award asked, the authority asked, whether granted.
create view commendation_fact as
select c.initiative_id, p.reg_year, c.award, p.authority, c.commended
from commendation_item c join commendation_proposal p on p.id = c.proposal_id;

-- read model feedback_fact, owned by portal, read by report
-- The people's feedback on an initiative by moderation state, without who wrote it or what.
create view feedback_fact as
select id, initiative_id, state, created_at
from feedback;
