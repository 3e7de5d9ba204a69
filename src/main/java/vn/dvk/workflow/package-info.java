/**
 * The movement's decisions on initiatives: recognition by a standing committee (one at a time or a
 * whole list in one decision), commendation proposals to an authority and the authority's decision,
 * with the documents officers send. The states themselves live with the registrations
 * ({@link vn.dvk.initiative.InitiativeWorkflow}); this module supplies the decisions they rest on.
 */
package vn.dvk.workflow;
