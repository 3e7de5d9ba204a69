-- Every statement that changes the unit structure moves its revision on (see V38); H2's triggers are Java classes.
create trigger admin_unit_changed after insert, update, delete on admin_unit
    for each statement call 'vn.dvk.adminunit.StructureChangeTrigger';
create trigger admin_unit_successor_changed after insert, update, delete on admin_unit_successor
    for each statement call 'vn.dvk.adminunit.StructureChangeTrigger';
